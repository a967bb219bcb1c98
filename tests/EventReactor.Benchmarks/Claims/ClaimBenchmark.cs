using System.Diagnostics;
using System.Globalization;
using EventReactor.Reactor;
using EventReactor.Reactor.Leases;
using EventReactor.Reactor.Reactions;
using EventReactor.Reactor.State;
using Microsoft.Extensions.Options;
using Npgsql;

namespace EventReactor.Benchmarks.Claims;

/// <summary>
/// "claims SERVER_URL [claims]" (deploy/perf/claims.sh): what one reaction's ledger writes (a claim, then its completion)
/// cost on SQLite and on PostgreSQL, in the same run. Each back end runs alternately three times, one caller after another
/// and 32 at once (events handled concurrently); the median is reported. "pg-async" is PostgreSQL with
/// synchronous_commit off, for comparison only. CPU counts this process and, for PostgreSQL, the
/// server's processes (every process named postgres: run it on a server nothing else uses).
/// </summary>
internal static class ClaimBenchmark
{
    private const int Passes = 3;
    private const int Concurrent = 32;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not [var server, ..] || !server.StartsWith("postgres://", StringComparison.Ordinal))
        {
            Console.Error.WriteLine("usage: claims postgres://user:password@host:port/database [claims]  (a role that may create databases)");
            return 2;
        }

        var claims = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5000;
        var results = new Dictionary<string, List<Pass>>(StringComparer.Ordinal);
        for (var pass = 0; pass < Passes; pass++)
        {
            foreach (var concurrency in (int[])[1, Concurrent])
            {
                Add(results, $"sqlite x{concurrency}", await SqlitePassAsync(claims, concurrency));
                Add(results, $"postgres x{concurrency}", await PostgresPassAsync(server, claims, concurrency, synchronousCommit: true));
                Add(results, $"pg-async x{concurrency}", await PostgresPassAsync(server, claims, concurrency, synchronousCommit: false));
            }
        }

        Print(results, claims);
        return 0;
    }

    private static async Task<Pass> SqlitePassAsync(int claims, int concurrency)
    {
        var folder = Directory.CreateTempSubdirectory("claims-sqlite-");
        try
        {
            await using var database = new ReactorDatabase(Options.Create(new ReactorOptions { DataPath = folder.FullName }));
            database.Migrate(TimeProvider.System);
            return await TimeAsync(new SqliteReactionLedger(database, Liveness(new SqliteLeaseStore(database, TimeProvider.System)), TimeProvider.System), claims, concurrency, serverCpu: () => TimeSpan.Zero);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    // synchronousCommit false: the database's commits return before their WAL is flushed, as SQLite's WAL with
    // synchronous = NORMAL does; it shows how much of the cost is the flush. The reactor does not set it.
    private static async Task<Pass> PostgresPassAsync(string server, int claims, int concurrency, bool synchronousCommit)
    {
        var name = $"eventreactor_claims_{Guid.NewGuid():N}";
        var admin = new Uri(server);
        await AdminAsync(server, $"CREATE DATABASE {name}");
        try
        {
            if (!synchronousCommit)
            {
                await AdminAsync(server, $"ALTER DATABASE {name} SET synchronous_commit = off");
            }

            var url = new UriBuilder(admin) { Path = "/" + name }.Uri.ToString();
            await using var database = new ReactorPostgresDatabase(Options.Create(new ReactorOptions { State = url }), TimeProvider.System);
            database.Migrate(TimeProvider.System);
            return await TimeAsync(new PostgresReactionLedger(database, Liveness(new PostgresLeaseStore(database, TimeProvider.System)), TimeProvider.System), claims, concurrency, ServerCpu);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await DropDatabaseAsync(server, name);
        }
    }

    private static async Task<Pass> TimeAsync(IReactionLedger ledger, int claims, int concurrency, Func<TimeSpan> serverCpu)
    {
        // Warm-up: connections opened, statements planned, the JIT done.
        await ClaimAllAsync(ledger, "warm", Math.Min(claims, 500), concurrency);
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var (cpu0, server0) = (self.TotalProcessorTime, serverCpu());
        var wall = Stopwatch.StartNew();
        await ClaimAllAsync(ledger, "timed", claims, concurrency);
        wall.Stop();
        self.Refresh();
        return new Pass(wall.Elapsed, self.TotalProcessorTime - cpu0, serverCpu() - server0);
    }

    private static async Task ClaimAllAsync(IReactionLedger ledger, string prefix, int claims, int concurrency)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < claims)
            {
                var id = $"{prefix}-{i}";
                var claim = await ledger.TryClaimAsync(id, "rule", 0, CancellationToken.None)
                    ?? throw new InvalidOperationException($"claim {id} refused on an empty ledger");
                await ledger.CompleteAsync(claim, succeeded: true, emitted: null, CancellationToken.None);
            }
        })));
    }

    // The reactor's liveness lease, which every claim carries, as a reactor holds it.
    private static ReactorLiveness Liveness(ILeaseStore leases) => new(leases, "benchmark", TimeSpan.FromSeconds(15), TimeProvider.System);

    internal static TimeSpan ServerCpu()
    {
        long ticks = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (int.TryParse(Path.GetFileName(directory), out _) && File.ReadAllText(Path.Combine(directory, "comm")).Trim() == "postgres")
                {
                    var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                }
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
        }

        return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ
    }

    // Not DROP ... WITH (FORCE): it also signals autovacuum workers, which a role without pg_signal_backend may not.
    internal static async Task DropDatabaseAsync(string server, string name)
    {
        await AdminAsync(server, $"ALTER DATABASE {name} ALLOW_CONNECTIONS false");
        await AdminAsync(server, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}' AND usename = current_user AND pid <> pg_backend_pid()");
        await AdminAsync(server, $"DROP DATABASE IF EXISTS {name}");
    }

    internal static async Task AdminAsync(string server, string sql)
    {
        var uri = new Uri(server);
        var user = uri.UserInfo.Split(':', 2);
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.Port > 0 ? uri.Port : 5432,
            Username = Uri.UnescapeDataString(user[0]),
            Password = Uri.UnescapeDataString(user[1]),
            Database = uri.AbsolutePath.Trim('/'),
            Pooling = false,
        }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static void Add(Dictionary<string, List<Pass>> results, string key, Pass pass)
    {
        if (!results.TryGetValue(key, out var list))
        {
            results[key] = list = [];
        }

        list.Add(pass);
    }

    private static void Print(Dictionary<string, List<Pass>> results, int claims)
    {
        var invariant = CultureInfo.InvariantCulture;
        Pass Median(string key) => results[key].OrderBy(p => p.Wall).ElementAt(results[key].Count / 2);
        Console.WriteLine(string.Create(invariant, $"claims: {claims:N0} per pass (claim + completion each), median of {Passes} alternating passes"));
        Console.WriteLine(string.Create(invariant, $"{"back end",-14} {"claims/s",10} {"wall us/claim",14} {"cpu us/claim",13} {"of which server",16}"));
        foreach (var key in results.Keys)
        {
            var m = Median(key);
            Console.WriteLine(string.Create(invariant, $"{key,-14} {claims / m.Wall.TotalSeconds,10:N0} {m.Wall.TotalMicroseconds / claims,14:F0} {(m.Cpu + m.ServerCpu).TotalMicroseconds / claims,13:F0} {m.ServerCpu.TotalMicroseconds / claims,16:F0}"));
        }

        Console.WriteLine();
        foreach (var concurrency in (int[])[1, Concurrent])
        {
            var sqlite = Median($"sqlite x{concurrency}");
            foreach (var peer in (string[])["postgres", "pg-async"])
            {
                var postgres = Median($"{peer} x{concurrency}");
                Console.WriteLine(string.Create(invariant, $"x{concurrency}: {peer}/sqlite throughput={sqlite.Wall / postgres.Wall:F2} cpu_per_claim_ratio={(postgres.Cpu + postgres.ServerCpu) / (sqlite.Cpu + sqlite.ServerCpu):F2}"));
            }
        }
    }

    private sealed record Pass(TimeSpan Wall, TimeSpan Cpu, TimeSpan ServerCpu);
}
