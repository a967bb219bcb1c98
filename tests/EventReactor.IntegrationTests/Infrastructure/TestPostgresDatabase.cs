using Npgsql;

namespace EventReactor.IntegrationTests.Infrastructure;

/// <summary>
/// An empty PostgreSQL database of one test's own, dropped afterwards, on the server <c>deploy/dev/services.sh</c> starts
/// (port 5432) or on a test's <see cref="PrivatePostgresServer"/>; a reactor given its <see cref="Url"/> migrates it. A
/// server that does not answer fails with the command that starts it.
/// </summary>
internal sealed class TestPostgresDatabase : IAsyncDisposable
{
    public const int SharedPort = 5432;

    private readonly int _port;
    private readonly string _server;

    private TestPostgresDatabase(string name, int port)
    {
        Name = name;
        _port = port;
        _server = $"Host=localhost;Port={port};Username=eventreactor;Password=eventreactor;Database=eventreactor;Timeout=5;Pooling=false";
    }

    public string Name { get; }

    public string Url => $"postgres://eventreactor:eventreactor@localhost:{_port}/{Name}";

    public static async Task<TestPostgresDatabase> CreateAsync(string id, int port = SharedPort)
    {
        var database = new TestPostgresDatabase($"eventreactor_it_{id}", port);
        await database.ExecuteAsync($"CREATE DATABASE {database.Name}");
        return database;
    }

    /// <summary>Rows of a query on this database, each as its columns' text.</summary>
    public async Task<List<string[]>> QueryAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Database = Name }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? string.Empty : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!)]);
        }

        return rows;
    }

    // Not DROP ... WITH (FORCE): it also signals an autovacuum worker in the database, which a role without
    // pg_signal_backend may not, and fails the test. A plain DROP ends autovacuum workers itself.
    public async ValueTask DisposeAsync()
    {
        await ExecuteAsync($"ALTER DATABASE {Name} ALLOW_CONNECTIONS false");
        await EndOwnConnectionsAsync();
        await ExecuteAsync($"DROP DATABASE IF EXISTS {Name}");
    }

    // Only the test role's sessions: the reactors under test. Autovacuum workers are the server's, not ours to end.
    private Task EndOwnConnectionsAsync() => ExecuteAsync(
        $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{Name}' AND usename = current_user AND pid <> pg_backend_pid()");

    private async Task ExecuteAsync(string sql)
    {
        try
        {
            await using var connection = new NpgsqlConnection(_server);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            var fix = _port == SharedPort ? "start it with: sudo deploy/dev/services.sh" : "the test's private server is down";
            throw new InvalidOperationException($"PostgreSQL at localhost:{_port} (role eventreactor) does not answer ({ex.GetBaseException().Message}); {fix}", ex);
        }
    }
}
