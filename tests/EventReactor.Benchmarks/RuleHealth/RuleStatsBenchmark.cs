using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using EventReactor.Contracts.Api;
using EventReactor.Reactor;
using EventReactor.Reactor.Audit;
using EventReactor.Reactor.State;
using Microsoft.Extensions.Options;
using Npgsql;

namespace EventReactor.Benchmarks.RuleHealth;

/// <summary>
/// "stats [rows] [rules] [postgres://...]" (issue #20 part 3): <c>rules stats</c>'s count over a week of audit, on
/// SQLite and, given a server, PostgreSQL. Peers in the same run and on the same rows: every row of the window read
/// into the process and counted there (what the store avoids), and the store's own query with its index dropped.
/// Median of three passes after a warm-up, for the whole week and for its last day.
/// </summary>
internal static class RuleStatsBenchmark
{
    private const int Passes = 3;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<int> RunAsync(string[] args)
    {
        var rows = args.Length > 0 ? long.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var rules = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
        var server = args.Length > 2 ? args[2] : null;
        var end = DateTimeOffset.UtcNow;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"audit: {rows:N0} rows over 7 days, {rules:N0} rules; median of {Passes} passes after a warm-up"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"back end",-10} {"window",-7} {"how",-28} {"ms",9} {"ratio to indexed",17}"));

        var folder = Directory.CreateTempSubdirectory("stats-sqlite-");
        try
        {
            await using var sqlite = new ReactorDatabase(Options.Create(new ReactorOptions { DataPath = folder.FullName }));
            sqlite.Migrate(TimeProvider.System);
            var seeded = Stopwatch.StartNew();
            await sqlite.WriteAsync(
                async connection =>
                {
                    await using var command = connection.CreateCommand();
                    command.CommandText = $"WITH RECURSIVE numbers(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM numbers WHERE n < {rows - 1}) "
                        + $"INSERT INTO audit (event_id, event_tag, rule, location, outcome, detail, actions, at, duration_us, actions_run, actions_failed) {AuditSeed.Select("numbers", rows, rules, end)}";
                    return await command.ExecuteNonQueryAsync();
                },
                CancellationToken.None);
            Console.Error.WriteLine($"sqlite seeded in {seeded.Elapsed.TotalSeconds:F1} s");
            await MeasureAsync("sqlite", new SqliteAuditStore(sqlite), sqlite, end);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }

        if (server is not null)
        {
            var name = $"eventreactor_stats_{Guid.NewGuid():N}";
            await Claims.ClaimBenchmark.AdminAsync(server, $"CREATE DATABASE {name}");
            try
            {
                var url = new UriBuilder(new Uri(server)) { Path = "/" + name }.Uri.ToString();
                await using var postgres = new ReactorPostgresDatabase(Options.Create(new ReactorOptions { State = url }), TimeProvider.System);
                postgres.Migrate(TimeProvider.System);
                var seeded = Stopwatch.StartNew();
                await postgres.ExecuteAsync(
                    $"INSERT INTO audit (event_id, event_tag, rule, location, outcome, detail, actions, at, duration_us, actions_run, actions_failed) {AuditSeed.Select("generate_series(0, " + (rows - 1) + ") AS numbers(n)", rows, rules, end)}; ANALYZE audit",
                    CancellationToken.None);
                await postgres.ExecuteAsync("VACUUM audit", CancellationToken.None);
                Console.Error.WriteLine($"postgres seeded in {seeded.Elapsed.TotalSeconds:F1} s");
                await MeasureAsync("postgres", new PostgresAuditStore(postgres), postgres, end);
            }
            finally
            {
                NpgsqlConnection.ClearAllPools();
                await Claims.ClaimBenchmark.DropDatabaseAsync(server, name);
            }
        }

        return 0;
    }

    private static async Task MeasureAsync(string backEnd, IAuditStore store, IStateDatabase database, DateTimeOffset end)
    {
        var windows = new[] { AuditSeed.Span, TimeSpan.FromDays(1) };
        var indexed = new Dictionary<TimeSpan, TimeSpan>();
        foreach (var window in windows)
        {
            var since = end - window;
            var (time, expected) = await TimeAsync(() => store.TallyAsync(since, CancellationToken.None));
            var (loaded, counted) = await TimeAsync(() => LoadAndCountAsync(database, since));
            if (!expected.Rules.OrderBy(r => r.Rule, StringComparer.Ordinal).SequenceEqual(counted.OrderBy(r => r.Rule, StringComparer.Ordinal)))
            {
                throw new InvalidOperationException("the store's count and the in-process count disagree");
            }

            indexed[window] = time;
            Print(backEnd, window, "GROUP BY over the index", time, time);
            Print(backEnd, window, "rows read and counted here", loaded, time);
        }

        // Last: the same query once its index is gone.
        await database.ReadAsync(connection => Execute(connection, "DROP INDEX audit_by_rule_time"), CancellationToken.None);
        foreach (var window in windows)
        {
            var (bare, _) = await TimeAsync(() => store.TallyAsync(end - window, CancellationToken.None));
            Print(backEnd, window, "GROUP BY, index dropped", bare, indexed[window]);
        }
    }

    private static async Task<(TimeSpan Median, T Result)> TimeAsync<T>(Func<Task<T>> run)
    {
        var result = await run(); // warm-up: connections, statement plans, the page cache
        var times = new List<TimeSpan>();
        for (var pass = 0; pass < Passes; pass++)
        {
            var clock = Stopwatch.StartNew();
            result = await run();
            times.Add(clock.Elapsed);
        }

        return (times.Order().ElementAt(Passes / 2), result);
    }

    private static void Print(string backEnd, TimeSpan window, string how, TimeSpan time, TimeSpan indexed) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{backEnd,-10} {$"{window.TotalDays:F0}d",-7} {how,-28} {time.TotalMilliseconds,9:F0} {time / indexed,17:F2}"));

    private static async Task<int> Execute(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    // The peer: what the count costs when every row in the window comes into the process (actions parsed from JSON).
    private static Task<List<RuleAuditTally>> LoadAndCountAsync(IStateDatabase database, DateTimeOffset since) =>
        database.ReadAsync(
            async connection =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT rule, outcome, actions, at FROM audit WHERE at >= @since";
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@since";
                parameter.Value = since.ToUnixTimeMilliseconds();
                command.Parameters.Add(parameter);
                var counts = new Dictionary<string, RuleAuditTally>(StringComparer.Ordinal);
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    var rule = reader.GetString(0);
                    var outcome = WireNames.Parse<RuleOutcome>(reader.GetString(1));
                    var actions = JsonSerializer.Deserialize<List<ActionAudit>>(reader.GetString(2), Json) ?? [];
                    var at = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3));
                    var fired = outcome is RuleOutcome.Acted or RuleOutcome.Failed;
                    var was = counts.GetValueOrDefault(rule) ?? new RuleAuditTally(rule, 0, 0, 0, 0, 0, 0, null);
                    counts[rule] = was with
                    {
                        Matched = was.Matched + 1,
                        Fired = was.Fired + (fired ? 1 : 0),
                        ConditionErrors = was.ConditionErrors + (outcome == RuleOutcome.ConditionError ? 1 : 0),
                        Throttled = was.Throttled + (outcome == RuleOutcome.Throttled ? 1 : 0),
                        ActionsRun = was.ActionsRun + actions.Count(a => a.Status is ActionStatus.Done or ActionStatus.Failed),
                        ActionFailures = was.ActionFailures + actions.Count(a => a.Status == ActionStatus.Failed),
                        LastFired = fired && (was.LastFired is null || at > was.LastFired) ? at : was.LastFired,
                    };
                }

                return counts.Values.ToList();
            },
            CancellationToken.None);
}
