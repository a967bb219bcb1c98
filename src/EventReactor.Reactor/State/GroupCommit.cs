using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace EventReactor.Reactor.State;

/// <summary>
/// Small writes that many events make at once (ledger claims and completions) share one transaction: each caller
/// queues its statement and takes the write lock; whoever holds it commits everything queued so far. A caller returns
/// only after its own statement is committed, so a claim is durable before the action runs, as before; alone, a
/// statement gets its own transaction, as before. SQLite's cost is per commit (WAL frames, locks), not per statement.
/// </summary>
internal sealed class GroupCommit(ReactorDatabase database)
{
    private readonly ConcurrentQueue<PendingWrite> _pending = new();

    public async Task<int> ExecuteAsync(string sql, IReadOnlyList<KeyValuePair<string, object>> parameters, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var write = new PendingWrite(sql, parameters);
        _pending.Enqueue(write);

        // Not cancelled once queued: another caller may already be committing it, and the caller must learn the result.
        try
        {
            await database.WriteAsync(WritePendingAsync, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The database could not be opened: a later writer must not commit what this caller reports as failed.
            write.Done.TrySetException(ex);
        }

        return await write.Done.Task;
    }

    private async Task<bool> WritePendingAsync(SqliteConnection connection)
    {
        var batch = new List<PendingWrite>();
        while (_pending.TryDequeue(out var write))
        {
            if (!write.Done.Task.IsCompleted)
            {
                batch.Add(write);
            }
        }

        if (batch.Count == 0)
        {
            return false;
        }

        try
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            var results = new int[batch.Count];
            for (var i = 0; i < batch.Count; i++)
            {
                results[i] = await RunAsync(connection, transaction, batch[i]);
            }

            await transaction.CommitAsync();
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Done.TrySetResult(results[i]);
            }
        }
        catch (Exception) when (batch.Count > 1)
        {
            // One statement failed and rolled the batch back: run each alone, so only its caller sees its error.
            foreach (var write in batch)
            {
                await RunAloneAsync(connection, write);
            }
        }
        catch (Exception ex)
        {
            batch[0].Done.TrySetException(ex);
        }

        return true;
    }

    private static async Task RunAloneAsync(SqliteConnection connection, PendingWrite write)
    {
        try
        {
            write.Done.TrySetResult(await RunAsync(connection, null, write));
        }
        catch (Exception ex)
        {
            write.Done.TrySetException(ex);
        }
    }

    private static async Task<int> RunAsync(SqliteConnection connection, SqliteTransaction? transaction, PendingWrite write)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = write.Sql;
        foreach (var (name, value) in write.Parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteNonQueryAsync();
    }
}
