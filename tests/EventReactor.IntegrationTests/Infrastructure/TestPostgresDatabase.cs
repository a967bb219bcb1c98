using Npgsql;

namespace EventReactor.IntegrationTests.Infrastructure;

/// <summary>
/// An empty PostgreSQL database of one test's own on the server <c>deploy/dev/services.sh</c> starts, dropped afterwards;
/// a reactor given its <see cref="Url"/> migrates it. A server that does not answer fails with the command that starts it.
/// </summary>
internal sealed class TestPostgresDatabase : IAsyncDisposable
{
    private const string Server = "Host=localhost;Port=5432;Username=eventreactor;Password=eventreactor;Database=eventreactor;Timeout=5;Pooling=false";

    private TestPostgresDatabase(string name)
    {
        Name = name;
    }

    public string Name { get; }

    public string Url => $"postgres://eventreactor:eventreactor@localhost:5432/{Name}";

    public static async Task<TestPostgresDatabase> CreateAsync(string id)
    {
        var database = new TestPostgresDatabase($"eventreactor_it_{id}");
        await ExecuteAsync(Server, $"CREATE DATABASE {database.Name}");
        return database;
    }

    /// <summary>Rows of a query on this database, each as its columns' text.</summary>
    public async Task<List<string[]>> QueryAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = Name }.ConnectionString);
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

    /// <summary>
    /// Makes the database unreachable, as a server restart would, without touching the server others share: new
    /// connections are refused and those open are ended. <see cref="AllowConnectionsAsync"/> ends the outage.
    /// </summary>
    public async Task CutOffAsync()
    {
        await ExecuteAsync(Server, $"ALTER DATABASE {Name} ALLOW_CONNECTIONS false");
        await EndOwnConnectionsAsync();
    }

    public Task AllowConnectionsAsync() => ExecuteAsync(Server, $"ALTER DATABASE {Name} ALLOW_CONNECTIONS true");

    // Not DROP ... WITH (FORCE): it also signals an autovacuum worker in the database, which a role without
    // pg_signal_backend may not, and fails the test. A plain DROP ends autovacuum workers itself.
    public async ValueTask DisposeAsync()
    {
        await ExecuteAsync(Server, $"ALTER DATABASE {Name} ALLOW_CONNECTIONS false");
        await EndOwnConnectionsAsync();
        await ExecuteAsync(Server, $"DROP DATABASE IF EXISTS {Name}");
    }

    // Only the test role's sessions: the reactors under test. Autovacuum workers are the server's, not ours to end.
    private Task EndOwnConnectionsAsync() => ExecuteAsync(
        Server,
        $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{Name}' AND usename = current_user AND pid <> pg_backend_pid()");

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw new InvalidOperationException($"PostgreSQL at localhost:5432 (role eventreactor) does not answer ({ex.GetBaseException().Message}); start it with: sudo deploy/dev/services.sh", ex);
        }
    }
}
