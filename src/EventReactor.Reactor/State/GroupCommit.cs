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

    // Prepared once per statement text on the writer connection (used only under its write lock): parsing and
    // planning the same few statements for every claim and completion was a visible share of the reactor's CPU.
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);
    private SqliteConnection? _preparedOn;

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

    private Task<bool> WritePendingAsync(SqliteConnection connection) => Task.FromResult(WritePending(connection));

    private bool WritePending(SqliteConnection connection)
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
            using var transaction = connection.BeginTransaction();
            var results = new int[batch.Count];
            for (var i = 0; i < batch.Count; i++)
            {
                results[i] = Run(connection, transaction, batch[i]);
            }

            transaction.Commit();
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
                RunAlone(connection, write);
            }
        }
        catch (Exception ex)
        {
            batch[0].Done.TrySetException(ex);
        }

        return true;
    }

    private void RunAlone(SqliteConnection connection, PendingWrite write)
    {
        try
        {
            // In a transaction of its own: a command may hold several statements that stand or fall together.
            using var transaction = connection.BeginTransaction();
            var result = Run(connection, transaction, write);
            transaction.Commit();
            write.Done.TrySetResult(result);
        }
        catch (Exception ex)
        {
            write.Done.TrySetException(ex);
        }
    }

    // Synchronous: the write lock is held anyway, and Microsoft.Data.Sqlite's async calls run synchronously underneath.
    private int Run(SqliteConnection connection, SqliteTransaction transaction, PendingWrite write)
    {
        if (!ReferenceEquals(_preparedOn, connection))
        {
            _prepared.Clear();
            _preparedOn = connection;
        }

        if (!_prepared.TryGetValue(write.Sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = write.Sql;
            _prepared[write.Sql] = command;
        }

        command.Transaction = transaction;
        var bound = command.Parameters;
        for (var i = 0; i < write.Parameters.Count; i++)
        {
            var (name, value) = write.Parameters[i];

            // Callers pass a statement's parameters in the same order every time: bound by position, found by name only
            // when the order differs (looking each up by name scanned the collection twice per parameter, per statement).
            if (i < bound.Count && string.Equals(bound[i].ParameterName, name, StringComparison.Ordinal))
            {
                bound[i].Value = value;
            }
            else if (bound.Contains(name))
            {
                bound[name].Value = value;
            }
            else
            {
                bound.AddWithValue(name, value);
            }
        }

        return command.ExecuteNonQuery();
    }
}
