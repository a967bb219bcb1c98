using System.Collections.Concurrent;
using Npgsql;

namespace EventReactor.Storage.Postgres;

/// <summary>
/// Group commit for PostgreSQL, as <c>GroupCommit</c> is for SQLite: the small writes many events make at once (ledger
/// claims and completions) queue here, and whoever holds the turn sends everything queued so far as one
/// <see cref="NpgsqlBatch"/>: one round trip and one transaction, where each alone was a round trip and a commit of its
/// own. A caller returns only after its statement is committed, so what it reports is durable, as before; alone, a
/// statement is a batch of one. When a statement fails the batch is rolled back and each statement is run again on its
/// own, so only its caller sees its error. While the server is unavailable the whole batch is tried again
/// (<see cref="PostgresOutage"/>), as one statement is.
/// </summary>
internal sealed class StatementGroup(Func<IReadOnlyList<PendingStatement>, CancellationToken, Task<int[]>> runBatch, Func<PendingStatement, Task<int>> runAlone)
{
    private readonly ConcurrentQueue<PendingStatement> _pending = new();
    private readonly SemaphoreSlim _turn = new(1, 1);

    public async Task<int> ExecuteAsync(string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var statement = new PendingStatement(sql, parameters);
        _pending.Enqueue(statement);

        // Not cancelled once queued: another caller may already be sending it, and the caller must learn the result.
        await _turn.WaitAsync(CancellationToken.None);
        try
        {
            if (!statement.Done.Task.IsCompleted)
            {
                await SendPendingAsync();
            }
        }
        finally
        {
            _turn.Release();
        }

        return await statement.Done.Task;
    }

    private async Task SendPendingAsync()
    {
        var batch = new List<PendingStatement>();
        while (_pending.TryDequeue(out var statement))
        {
            batch.Add(statement);
        }

        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            var results = await runBatch(batch, CancellationToken.None);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Done.TrySetResult(results[i]);
            }
        }
        catch (Exception ex) when (batch.Count > 1 && !(ex is NpgsqlException npgsql && PostgresOutage.IsUnavailable(npgsql)))
        {
            // One statement failed (the server refused it, or one of its parameters could not be sent) and rolled the
            // batch back: each runs alone, so only its caller sees its error.
            foreach (var statement in batch)
            {
                try
                {
                    statement.Done.TrySetResult(await runAlone(statement));
                }
                catch (Exception alone)
                {
                    statement.Done.TrySetException(alone);
                }
            }
        }
        catch (Exception ex)
        {
            // The server stayed unavailable (or the batch could not be sent): each statement alone would have failed too.
            foreach (var statement in batch)
            {
                statement.Done.TrySetException(ex);
            }
        }
    }
}
