using Microsoft.Data.Sqlite;

namespace EventReactor.Storage.Sqlite;

/// <summary>
/// One SQLite file: its pragmas, its migrations and its write gate, the same for every file the system keeps. Writes go
/// through one connection, one caller at a time (SQLite has a single writer anyway, and this avoids busy retries);
/// reads of a shared file open their own connections. Only the stores built on a database see its connections.
/// </summary>
public abstract class SqliteDatabase : IAsyncDisposable, IDisposable
{
    // WAL lets readers work beside the writer; NORMAL sync is durable across process crashes, which is what a SIGKILL is.
    // A shared file's log is checkpointed beside the writer (WalCheckpointer); the writer's own threshold, 64 MB of pages
    // instead of SQLite's 4 MB, is only the backstop.
    private const string SharedPragmas = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000; PRAGMA wal_autocheckpoint = 16384;";
    private const string ExclusivePragmas = "PRAGMA locking_mode = EXCLUSIVE; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";

    // How often, at most, a shared file's log is checkpointed while writes come in: a flood's log stays a few MB.
    private static readonly TimeSpan CheckpointInterval = TimeSpan.FromMilliseconds(250);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly IReadOnlyList<Migration> _migrations;
    private readonly SqliteSharing _sharing;
    private readonly string _connectionString;
    private readonly WalCheckpointer? _checkpointer;
    private SqliteConnection? _writer;

    protected SqliteDatabase(string filePath, IReadOnlyList<Migration> migrations, SqliteSharing sharing)
    {
        FilePath = Path.GetFullPath(filePath);
        _migrations = migrations;
        _sharing = sharing;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Pooling = sharing == SqliteSharing.Shared,

            // A busy exclusive file is held by another process, which will not let go: fail at open rather than retry for 30 s.
            DefaultTimeout = sharing == SqliteSharing.Exclusive ? 1 : 30,
        }.ToString();
        _checkpointer = sharing == SqliteSharing.Shared ? new WalCheckpointer(_connectionString, CheckpointInterval) : null;
    }

    public string FilePath { get; }

    /// <summary>Applies the migrations this file lacks and returns them. Called once at start, before any store is used.</summary>
    public IReadOnlyList<Migration> Migrate(TimeProvider time)
    {
        using var scope = EnterWrite();
        return SchemaMigrator.Migrate(scope.Connection, _migrations, time);
    }

    /// <summary>Runs <paramref name="write"/> on the writer connection, alone.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, Task<T>> write, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _writer ??= Connect();
            var result = await write(_writer);
            _checkpointer?.Written();
            return result;
        }
        catch (SqliteException) when (_sharing == SqliteSharing.Shared)
        {
            // A broken connection (disk full, file replaced) is opened afresh on the next write.
            _writer?.Dispose();
            _writer = null;
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs <paramref name="read"/> on a connection of its own (on the one connection of an exclusive file).</summary>
    public async Task<T> ReadAsync<T>(Func<SqliteConnection, Task<T>> read, CancellationToken cancellationToken)
    {
        if (_sharing == SqliteSharing.Exclusive)
        {
            return await WriteAsync(read, cancellationToken);
        }

        await using var connection = Connect();
        return await read(connection);
    }

    /// <summary>One statement on the writer connection; returns the rows it changed.</summary>
    public Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        WriteAsync(connection => connection.ExecuteAsync(sql, cancellationToken, parameters), cancellationToken);

    /// <summary>One query on a reader connection, read row by row.</summary>
    public Task<List<T>> QueryAsync<T>(string sql, Func<SqliteDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        ReadAsync(connection => connection.QueryAsync(sql, read, cancellationToken, parameters), cancellationToken);

    /// <summary>Takes the file's write lock without changing anything; throws when the file cannot be written.</summary>
    public Task CheckWritableAsync(CancellationToken cancellationToken) =>
        WriteAsync(connection => connection.ExecuteAsync("BEGIN IMMEDIATE; ROLLBACK;", cancellationToken), cancellationToken);

    /// <summary>Takes the write gate synchronously, for stores that work in short synchronous steps (the minion's outbox).</summary>
    public SqliteWriteScope EnterWrite()
    {
        _gate.Wait();
        try
        {
            _writer ??= Connect();
            return new SqliteWriteScope(_gate, _writer);
        }
        catch
        {
            _gate.Release();
            throw;
        }
    }

    public void Dispose()
    {
        _checkpointer?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _writer?.Dispose();
        _writer = null;
        _gate.Dispose();
        GC.SuppressFinalize(this);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private SqliteConnection Connect()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var pragmas = connection.CreateCommand();
            pragmas.CommandText = _sharing == SqliteSharing.Exclusive ? ExclusivePragmas : SharedPragmas;
            pragmas.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
