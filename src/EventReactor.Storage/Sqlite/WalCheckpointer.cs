using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace EventReactor.Storage.Sqlite;

/// <summary>
/// Copies a shared file's write-ahead log back into the file on a connection of its own, at most once per
/// <c>interval</c> while writes come in. SQLite would otherwise checkpoint inside the commit that crosses its threshold,
/// under the write gate: a copy of megabytes and two fsyncs (50-100 ms on the development VM) during which no claim can
/// commit. A passive checkpoint here runs beside the writer; the writer keeps a high threshold of its own as a backstop
/// for when this one cannot keep up (a long read pinning old frames).
/// </summary>
internal sealed class WalCheckpointer : IAsyncDisposable
{
    private readonly Channel<bool> _written = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly string _connectionString;
    private readonly TimeSpan _interval;
    private readonly Task _loop;
    private int _disposed;

    public WalCheckpointer(string connectionString, TimeSpan interval)
    {
        _connectionString = connectionString;
        _interval = interval;
        _loop = Task.Run(() => RunAsync(_stopping.Token));
    }

    /// <summary>Says that a write committed: the next checkpoint runs when the interval since the last one has passed.</summary>
    public void Written() => _written.Writer.TryWrite(true);

    public async ValueTask DisposeAsync()
    {
        // The database is disposed by the host and by its own DisposeAsync, both.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        SqliteConnection? connection = null;
        try
        {
            while (await _written.Reader.WaitToReadAsync(stoppingToken))
            {
                _written.Reader.TryRead(out _);
                connection = Checkpoint(connection);
                await Task.Delay(_interval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Disposed: what is left in the log is checkpointed by SQLite when the last connection closes.
        }
        finally
        {
            connection?.Dispose();
        }
    }

    private SqliteConnection? Checkpoint(SqliteConnection? connection)
    {
        try
        {
            connection ??= Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            command.ExecuteNonQuery();
            return connection;
        }
        catch (SqliteException)
        {
            // Nothing is lost by a checkpoint that fails (the file was replaced, the disk is full): the frames stay in the
            // log, the writer's own threshold still bounds it, and the next write tries again on a fresh connection.
            connection?.Dispose();
            return null;
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }
}
