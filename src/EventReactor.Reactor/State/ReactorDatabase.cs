using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.State;

/// <summary>
/// The reactor's SQLite file in its data folder. Writes go through one connection, one at a time (SQLite has a
/// single writer anyway, and this avoids busy retries); reads open their own connections.
/// </summary>
internal sealed class ReactorDatabase(IOptions<ReactorOptions> options) : IAsyncDisposable
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private SqliteConnection? _writer;

    public string FilePath => Path.GetFullPath(Path.Combine(options.Value.DataPath, "reactor.db"));

    private string ConnectionString => new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = true }.ToString();

    public async Task<T> WriteAsync<T>(Func<SqliteConnection, Task<T>> write, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            _writer ??= await OpenAsync(cancellationToken);
            return await write(_writer);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragmas = connection.CreateCommand();

        // WAL lets readers work beside the writer; NORMAL sync is durable across process crashes, which is what a SIGKILL is.
        pragmas.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;";
        await pragmas.ExecuteNonQueryAsync(cancellationToken);
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
