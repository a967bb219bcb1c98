using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Metrics;

/// <summary>
/// <c>metrics.db</c> in the reactor's data folder: its own file, so that thousands of samples a second never queue
/// behind the reaction ledger in <c>reactor.db</c> (SQLite has one writer per file). One writer connection, used by
/// one task at a time; readers open their own (WAL).
/// </summary>
internal sealed class MetricsDatabase(IOptions<ReactorOptions> options) : IAsyncDisposable
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private SqliteConnection? _writer;
    private bool _created;

    public string FilePath => Path.GetFullPath(Path.Combine(options.Value.DataPath, "metrics.db"));

    public async Task<T> WriteAsync<T>(Func<SqliteConnection, Task<T>> write, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            _writer ??= await OpenAsync(cancellationToken);
            return await write(_writer);
        }
        catch (SqliteException)
        {
            // A broken connection (disk full, file replaced) is opened afresh on the next try.
            if (_writer is not null)
            {
                await _writer.DisposeAsync();
                _writer = null;
            }

            throw;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = true }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();

        // Samples are re-sent by the minion's outbox until confirmed; NORMAL sync loses at most the last commit on power loss.
        command.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;";
        await command.ExecuteNonQueryAsync(cancellationToken);
        if (!_created)
        {
            command.CommandText = MetricsSchema.Create + $"PRAGMA user_version = {MetricsSchema.Version};";
            await command.ExecuteNonQueryAsync(cancellationToken);
            _created = true;
        }

        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync();
        }

        _writeLock.Dispose();
    }
}
