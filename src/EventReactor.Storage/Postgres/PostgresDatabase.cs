using Npgsql;
using Polly;

namespace EventReactor.Storage.Postgres;

/// <summary>
/// One PostgreSQL database shared by every process that names it: its migrations and the few ways the stores talk to
/// it. Unlike a SQLite file there is no write gate here: the server serialises writers per row, so each call takes a
/// pooled connection of its own. <see cref="InTransactionAsync"/> is the unit of work: a caller that must commit
/// several changes together (later, a reaction's claim with the state it changes) runs them on one connection in one
/// transaction. Parameters are written <c>@name</c> in the SQL and passed as (name, value) pairs; null becomes SQL NULL.
/// </summary>
public abstract class PostgresDatabase : IAsyncDisposable, IDisposable
{
    // Any fixed number: every process migrating the same database takes this session lock first, one at a time.
    private const long MigrationLock = 0x4576_5265_6163_7401;

    private readonly IReadOnlyList<Migration> _migrations;
    private readonly NpgsqlDataSource _dataSource;
    private readonly ResiliencePipeline _outage;
    private readonly StatementGroup _group;

    /// <param name="url">The database, <c>postgres://user:password@host:port/database</c>.</param>
    /// <param name="migrations">The schema's versions.</param>
    /// <param name="maxConnections">The most connections this process opens: callers beyond it wait for one to be returned.</param>
    /// <param name="time">The clock that an outage's waits run on.</param>
    protected PostgresDatabase(string url, IReadOnlyList<Migration> migrations, int maxConnections, TimeProvider time)
    {
        if (!PostgresUrl.TryParse(url, out var connectionString, out var error))
        {
            throw new ArgumentException($"'{PostgresUrl.Redact(url)}' {error}", nameof(url));
        }

        Location = PostgresUrl.Redact(url);
        _migrations = migrations;
        _outage = PostgresOutage.Retry(time);
        _dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = maxConnections }.ConnectionString);
        _group = new StatementGroup(ExecuteBatchAsync, alone => ExecuteAsync(alone.Sql, CancellationToken.None, alone.Parameters));
    }

    /// <summary>The database's URL without its password.</summary>
    public string Location { get; }

    /// <summary>
    /// Applies the migrations the database lacks and returns them. Several reactors may start at once: the advisory
    /// lock lets one migrate while the others wait, then find nothing left to do.
    /// </summary>
    public IReadOnlyList<Migration> Migrate(TimeProvider time)
    {
        using var connection = _dataSource.OpenConnection();
        using (var command = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLock})", connection))
        {
            command.ExecuteNonQuery();
        }

        try
        {
            return SchemaMigrator.Migrate(connection, _migrations, time);
        }
        finally
        {
            using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({MigrationLock})", connection);
            unlock.ExecuteNonQuery();
        }
    }

    /// <summary>Runs <paramref name="work"/> on one connection inside one transaction, committed when it returns.</summary>
    /// <remarks>Tried again as a whole while the server is unavailable (<see cref="PostgresOutage"/>): <paramref name="work"/> must only use the database.</remarks>
    public Task<T> InTransactionAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        _outage.ExecuteAsync(
            async token =>
            {
                await using var connection = await _dataSource.OpenConnectionAsync(token);
                await using var transaction = await connection.BeginTransactionAsync(token);
                var result = await work(connection, transaction);
                await transaction.CommitAsync(token);
                return result;
            },
            cancellationToken).AsTask();

    /// <summary>Runs <paramref name="read"/> on a connection of its own, without a transaction.</summary>
    public Task<T> ReadAsync<T>(Func<NpgsqlConnection, Task<T>> read, CancellationToken cancellationToken) =>
        _outage.ExecuteAsync(
            async token =>
            {
                await using var connection = await _dataSource.OpenConnectionAsync(token);
                return await read(connection);
            },
            cancellationToken).AsTask();

    /// <summary>One statement, committed on its own; returns the rows it changed.</summary>
    public Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        _outage.ExecuteAsync(
            async token =>
            {
                await using var command = _dataSource.CreateCommand(sql);
                AddParameters(command, parameters);
                return await command.ExecuteNonQueryAsync(token);
            },
            cancellationToken).AsTask();

    /// <summary>
    /// One statement, committed in one transaction with those other callers queued at the same moment (group commit,
    /// <see cref="StatementGroup"/>); returns the rows it changed. For the small writes every event makes: one round trip
    /// and one commit for many. Its error, if it fails, is its own: the others still commit.
    /// </summary>
    /// <remarks>The statement must stand alone (no <c>;</c>-separated list) and leave no session state.</remarks>
    public Task<int> ExecuteGroupedAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        _group.ExecuteAsync(sql, parameters, cancellationToken);

    /// <summary>One query, read row by row.</summary>
    public Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        ReadAsync(connection => connection.QueryAsync(sql, read, cancellationToken, parameters), cancellationToken);

    /// <summary>One query's first column of its first row.</summary>
    public Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        _outage.ExecuteAsync(
            async token =>
            {
                await using var command = _dataSource.CreateCommand(sql);
                AddParameters(command, parameters);
                return await command.ExecuteScalarAsync(token);
            },
            cancellationToken).AsTask();

    /// <summary>
    /// One statement's first column of its first row, synchronously, committed on its own: only for a caller that cannot
    /// await (the rule evaluator's throttle, which is pure and synchronous in EventReactor.Core).
    /// </summary>
    public object? Scalar(string sql, params (string Name, object? Value)[] parameters) =>
        _outage.Execute(() =>
        {
            using var command = _dataSource.CreateCommand(sql);
            AddParameters(command, parameters);
            return command.ExecuteScalar();
        });

    /// <summary>Opens a transaction that takes a write without changing anything; throws when the database cannot be written.</summary>
    public Task CheckWritableAsync(CancellationToken cancellationToken) =>
        InTransactionAsync(async (connection, transaction) => await connection.ExecuteAsync("SELECT txid_current()", transaction, cancellationToken), cancellationToken);

    public void Dispose()
    {
        _dataSource.Dispose();
        GC.SuppressFinalize(this);
    }

    public async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    internal static void AddParameters(NpgsqlCommand command, (string Name, object? Value)[] parameters) =>
        AddParameters(command.Parameters, parameters);

    private static void AddParameters(NpgsqlParameterCollection bound, (string Name, object? Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            bound.AddWithValue(name, value ?? DBNull.Value);
        }
    }

    // The statements as one batch: one round trip, one implicit transaction (a failing statement rolls back them all).
    private Task<int[]> ExecuteBatchAsync(IReadOnlyList<PendingStatement> statements, CancellationToken cancellationToken) =>
        _outage.ExecuteAsync(
            async token =>
            {
                await using var batch = _dataSource.CreateBatch();
                foreach (var statement in statements)
                {
                    var command = batch.CreateBatchCommand();
                    command.CommandText = statement.Sql;
                    AddParameters(command.Parameters, statement.Parameters);
                    batch.BatchCommands.Add(command);
                }

                await batch.ExecuteNonQueryAsync(token);
                return batch.BatchCommands.Select(static (NpgsqlBatchCommand command) => command.RecordsAffected).ToArray();
            },
            cancellationToken).AsTask();
}
