using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace EventReactor.EndToEnd;

/// <summary>
/// deploy/perf/scale.sh (issue #15): events per second with 1, 2 and 3 <c>eventreactor reactor</c> processes on one
/// PostgreSQL database, and one on SQLite against one on PostgreSQL in the same run, with CPU per event (the reactors,
/// the PostgreSQL server's processes, the broker) and events per CPU-second. Each event is acted on by one rule
/// (<c>event.fire</c>): a claim, its completion with the fired event in the outbox, the audit. Counted in the ledger.
/// </summary>
internal static class ScaleRun
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    public static async Task<int> RunAsync(BenchSettings settings)
    {
        var cli = Environment.GetEnvironmentVariable("EVENTREACTOR_CLI") ?? throw new InvalidOperationException("EVENTREACTOR_CLI must name eventreactor.dll (deploy/perf/scale.sh sets it)");
        var server = Environment.GetEnvironmentVariable("SCALE_POSTGRES") ?? "postgres://eventreactor:eventreactor@localhost:5432/eventreactor";
        Console.WriteLine($"events={settings.Events} warmup={settings.WarmupEvents} minions={settings.Minions} partitions={settings.Partitions}");
        Console.WriteLine($"load_average_before={LoadAverage.Read()}");
        var results = new Dictionary<string, ScaleResult>(StringComparer.Ordinal);
        foreach (var (name, reactors, postgres) in new[] { ("sqlite_1", 1, false), ("postgres_1", 1, true), ("postgres_2", 2, true), ("postgres_3", 3, true) })
        {
            var result = results[name] = await MeasureAsync(settings, cli, postgres ? server : null, reactors);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}_events_per_second={result.EventsPerSecond:F0}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}_reactor_cpu_us_per_event={result.ReactorCpuUs:F0}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}_database_cpu_us_per_event={result.DatabaseCpuUs:F0}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}_broker_cpu_us_per_event={result.BrokerCpuUs:F0}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}_events_per_cpu_second={result.EventsPerCpuSecond:F0}"));
        }

        Console.WriteLine($"load_average_after={LoadAverage.Read()}");
        var (sqlite, pg) = (results["sqlite_1"], results["postgres_1"]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"postgres_sqlite_ratio={pg.EventsPerSecond / sqlite.EventsPerSecond:F2}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"postgres_sqlite_cpu_ratio={pg.EventsPerCpuSecond / sqlite.EventsPerCpuSecond:F2}"));
        return 0;
    }

    private static async Task<ScaleResult> MeasureAsync(BenchSettings settings, string cli, string? server, int count)
    {
        var folder = Directory.CreateTempSubdirectory("er-scale-");
        var rules = Path.Combine(folder.FullName, "rules");
        Directory.CreateDirectory(rules);
        await File.WriteAllTextAsync(Path.Combine(rules, "scale.yaml"), """
            rules:
              - name: scale
                on: scale/*
                do:
                  - event.fire: { tag: scaled, data: { i: "${{ event.data.i }}" } }
            """);
        await BrokerReset.RunAsync(settings);
        var database = server is null ? null : $"eventreactor_scale_{Guid.NewGuid().ToString("N")[..8]}";
        var state = server is null ? null : new UriBuilder(server) { Path = database }.Uri.ToString();
        var reactors = new List<ScaleReactor>();
        try
        {
            if (database is not null)
            {
                await ExecuteAsync(server!, $"CREATE DATABASE {database}");
            }

            for (var i = 0; i < count; i++)
            {
                reactors.Add(await ScaleReactor.StartAsync(cli, rules, Path.Combine(folder.FullName, $"data{i}"), FreePort(), settings.BusUrl, state, settings.Partitions));
            }

            Func<Task<long>> done = state is null ? () => SqliteDoneAsync(Path.Combine(folder.FullName, "data0", "reactor.db")) : () => PostgresDoneAsync(state);
            await ScalePublisher.PublishAsync(settings, "warmup", settings.WarmupEvents);
            await WaitDoneAsync(done, settings.WarmupEvents);

            var pids = reactors.Select(r => r.Pid).ToList();
            var (reactorCpu, databaseCpu, brokerCpu) = (ProcessCpu.OfPids(pids), ProcessCpu.OfCommand("postgres"), BrokerCpu.Read());
            var started = Stopwatch.GetTimestamp();
            await ScalePublisher.PublishAsync(settings, "measured", settings.Events);
            await WaitDoneAsync(done, settings.WarmupEvents + settings.Events);
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var perEvent = (TimeSpan cpu) => cpu.TotalMicroseconds / settings.Events;
            return new ScaleResult(
                settings.Events / seconds,
                perEvent(ProcessCpu.OfPids(pids) - reactorCpu),
                database is null ? 0 : perEvent(ProcessCpu.OfCommand("postgres") - databaseCpu),
                perEvent(BrokerCpu.Read() - brokerCpu));
        }
        finally
        {
            foreach (var reactor in reactors)
            {
                await reactor.DisposeAsync();
            }

            if (database is not null)
            {
                await ExecuteAsync(server!, $"DROP DATABASE IF EXISTS {database}");
            }

            folder.Delete(recursive: true);
        }
    }

    private static async Task WaitDoneAsync(Func<Task<long>> done, long count)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(Patience.TotalSeconds * Stopwatch.Frequency);
        while (await done() < count)
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"only {await done()} of {count} events were acted on within {Patience.TotalMinutes} minutes");
            }

            await Task.Delay(50);
        }
    }

    private static async Task<long> SqliteDoneAsync(string path)
    {
        if (!File.Exists(path))
        {
            return 0;
        }

        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM reactions WHERE status = 'done'";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<long> PostgresDoneAsync(string url)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(url));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM reactions WHERE status = 'done'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(string url, string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(url));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string ConnectionString(string url) =>
        EventReactor.Storage.Postgres.PostgresUrl.TryParse(url, out var connectionString, out var error)
            ? new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString
            : throw new ArgumentException($"SCALE_POSTGRES '{EventReactor.Storage.Postgres.PostgresUrl.Redact(url)}' {error}");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
