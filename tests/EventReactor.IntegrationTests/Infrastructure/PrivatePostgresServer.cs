using Npgsql;

namespace EventReactor.IntegrationTests.Infrastructure;

/// <summary>
/// A PostgreSQL server of one test's own, from the Debian package's binaries (<c>deploy/dev/services.sh</c> installs them),
/// in a temporary folder on a free loopback port, with the <c>eventreactor</c> role the shared server has: a test may stop
/// and start it without touching the server other tests share. Runs as the <c>postgres</c> user, so the tests run as root.
/// </summary>
internal sealed class PrivatePostgresServer : IAsyncDisposable
{
    private const string Fix = "install PostgreSQL with: sudo deploy/dev/services.sh postgres (the tests must run as root)";

    private readonly string _bin;
    private readonly string _folder;

    private PrivatePostgresServer(string bin, string folder, int port)
    {
        _bin = bin;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public static async Task<PrivatePostgresServer> StartAsync()
    {
        var versions = Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [];
        var bin = versions.Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "pg_ctl"))).OrderBy(b => b, StringComparer.Ordinal).LastOrDefault()
            ?? throw new InvalidOperationException($"no PostgreSQL server under /usr/lib/postgresql; {Fix}");
        var folder = Directory.CreateTempSubdirectory("eventreactor-pg-").FullName;
        var server = new PrivatePostgresServer(bin, folder, FreePort.Next());
        try
        {
            await RunAsync("chown", "postgres:postgres", folder);

            // Trust on loopback: the server lives for one test, on a port nobody else is told.
            await server.AsPostgresAsync("initdb", "-D", server.DataFolder, "-U", "postgres", "-A", "trust", "--no-sync");
            await server.StartAgainAsync();
            await using var connection = new NpgsqlConnection($"Host=localhost;Port={server.Port};Username=postgres;Database=postgres;Timeout=10;Pooling=false");
            await connection.OpenAsync();
            foreach (var sql in (string[])["CREATE ROLE eventreactor LOGIN CREATEDB PASSWORD 'eventreactor'", "CREATE DATABASE eventreactor OWNER eventreactor"])
            {
                // One at a time: CREATE DATABASE may not share a round trip with another statement.
                await using var command = new NpgsqlCommand(sql, connection);
                await command.ExecuteNonQueryAsync();
            }

            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private string DataFolder => Path.Combine(_folder, "data");

    /// <summary>A fast shutdown, as a restart's first half: every session ends, and no connection is taken until started again.</summary>
    public Task StopAsync() => AsPostgresAsync("pg_ctl", "-D", DataFolder, "-m", "fast", "-w", "stop");

    public Task StartAgainAsync() => AsPostgresAsync(
        "pg_ctl", "-D", DataFolder, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60",
        "-o", $"-p {Port} -c listen_addresses=127.0.0.1 -k {_folder} -c fsync=off -c max_connections=100", "start");

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
        {
            await AsPostgresAsync("pg_ctl", "-D", DataFolder, "-m", "immediate", "-w", "stop");
        }

        Directory.Delete(_folder, recursive: true);
    }

    private Task AsPostgresAsync(string tool, params string[] arguments) =>
        RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. arguments]);

    private static Task RunAsync(string file, params string[] arguments) => ExternalTool.RunAsync(file, arguments, Fix);
}
