using EventReactor.Reactor.State;
using Microsoft.Extensions.Options;
using Npgsql;

namespace EventReactor.Reactor.Tests.State;

/// <summary>
/// A fresh, migrated PostgreSQL database for one test class on the server <c>deploy/dev/services.sh</c> starts, dropped
/// afterwards. Every test starts from empty tables (<see cref="OpenEmpty"/>). A server that does not answer fails the
/// tests with the command that starts it; nothing is skipped.
/// </summary>
public sealed class PostgresTestDatabase : IDisposable
{
    /// <summary>The role and database <c>deploy/dev/services.sh</c> makes; the role may create databases.</summary>
    public const string ServerUrl = "postgres://eventreactor:eventreactor@localhost:5432/eventreactor";

    private const string Fix = "start it with: sudo deploy/dev/services.sh";
    private const string Admin = "Host=localhost;Port=5432;Username=eventreactor;Password=eventreactor;Database=eventreactor;Timeout=5;Pooling=false";
    private readonly string _own;

    private readonly string _name = $"eventreactor_test_{Guid.NewGuid():N}";

    public PostgresTestDatabase()
    {
        RunAsAdmin("CREATE DATABASE " + _name);
        Url = $"postgres://eventreactor:eventreactor@localhost:5432/{_name}";
        _own = new NpgsqlConnectionStringBuilder(Admin) { Database = _name }.ConnectionString;
        using var database = Open();
        database.Migrate(TimeProvider.System);
    }

    /// <summary>The URL of this class's database.</summary>
    public string Url { get; }

    /// <summary>A connection to the database with every table emptied (the schema and its version kept).</summary>
    internal ReactorPostgresDatabase OpenEmpty()
    {
        using (var connection = new NpgsqlConnection(_own))
        {
            connection.Open();
            using var truncate = new NpgsqlCommand(
                """
                DO $$ DECLARE t text; BEGIN
                  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_version' LOOP
                    EXECUTE format('TRUNCATE %I RESTART IDENTITY', t);
                  END LOOP;
                END $$
                """,
                connection);
            truncate.ExecuteNonQuery();
        }

        return Open();
    }

    /// <summary>Another connection to the same database: what a restarted reactor sees.</summary>
    internal ReactorPostgresDatabase Open() => new(Options.Create(new ReactorOptions { State = Url }), TimeProvider.System);

    // Not DROP ... WITH (FORCE): it also signals autovacuum workers, which the eventreactor role may not (42501). The
    // role's own sessions (data sources a test left open) are ended; a plain DROP ends autovacuum workers itself.
    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        RunAsAdmin($"ALTER DATABASE {_name} ALLOW_CONNECTIONS false");
        RunAsAdmin($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{_name}' AND usename = current_user AND pid <> pg_backend_pid()");
        RunAsAdmin($"DROP DATABASE IF EXISTS {_name}");
    }

    private static void RunAsAdmin(string sql)
    {
        try
        {
            using var connection = new NpgsqlConnection(Admin);
            connection.Open();
            using var command = new NpgsqlCommand(sql, connection);
            command.ExecuteNonQuery();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw new InvalidOperationException($"PostgreSQL at {ServerUrl} does not answer or refuses the eventreactor role ({ex.GetBaseException().Message}); {Fix}", ex);
        }
    }
}
