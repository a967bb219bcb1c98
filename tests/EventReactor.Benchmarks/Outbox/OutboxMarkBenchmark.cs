using System.Diagnostics;
using System.Globalization;
using EventReactor.Benchmarks.Claims;
using EventReactor.Contracts;
using EventReactor.Reactor;
using EventReactor.Reactor.Leases;
using EventReactor.Reactor.Outbox;
using EventReactor.Reactor.State;
using Microsoft.Extensions.Options;
using Npgsql;

namespace EventReactor.Benchmarks.Outbox;

/// <summary>
/// "outbox-marks SERVER_URL [events]" (deploy/perf/outbox-marks.sh, issue #13): what marking the outbox evaluator's
/// batches (256 events) evaluated costs, one write per event (the evaluator before: one call each, awaited together; here
/// at most 32 at once) against one write per batch, on SQLite and PostgreSQL in the same run; alternating passes, the median reported. CPU
/// counts this process and the PostgreSQL server's processes (run it on a server nothing else uses).
/// </summary>
internal static class OutboxMarkBenchmark
{
    private const int Passes = 3;
    private const int Batch = 256;
    private const int InFlight = 32;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not [var server, ..] || !server.StartsWith("postgres://", StringComparison.Ordinal))
        {
            Console.Error.WriteLine("usage: outbox-marks postgres://user:password@host:port/database [events]  (a role that may create databases)");
            return 2;
        }

        var events = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5120;
        var results = new Dictionary<string, List<Pass>>(StringComparer.Ordinal);
        for (var pass = 0; pass < Passes; pass++)
        {
            foreach (var batched in (bool[])[false, true])
            {
                Add(results, Key("sqlite", batched), await SqlitePassAsync(events, batched));
                Add(results, Key("postgres", batched), await PostgresPassAsync(server, events, batched));
            }
        }

        Print(results, events);
        return 0;
    }

    private static string Key(string backEnd, bool batched) => $"{backEnd} {(batched ? "per-batch" : "per-event")}";

    private static async Task<Pass> SqlitePassAsync(int events, bool batched)
    {
        var folder = Directory.CreateTempSubdirectory("outbox-marks-");
        try
        {
            await using var database = new ReactorDatabase(Options.Create(new ReactorOptions { DataPath = folder.FullName }));
            database.Migrate(TimeProvider.System);
            return await TimeAsync(new SqliteReactorOutbox(database, TimeProvider.System), events, batched, serverCpu: () => TimeSpan.Zero);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static async Task<Pass> PostgresPassAsync(string server, int events, bool batched)
    {
        var name = $"eventreactor_marks_{Guid.NewGuid():N}";
        await ClaimBenchmark.AdminAsync(server, $"CREATE DATABASE {name}");
        try
        {
            var url = new UriBuilder(new Uri(server)) { Path = "/" + name }.Uri.ToString();
            await using var database = new ReactorPostgresDatabase(Options.Create(new ReactorOptions { State = url }), TimeProvider.System);
            database.Migrate(TimeProvider.System);
            var liveness = new ReactorLiveness(new PostgresLeaseStore(database, TimeProvider.System), "benchmark", TimeSpan.FromSeconds(15), TimeProvider.System);
            return await TimeAsync(new PostgresReactorOutbox(database, liveness, TimeProvider.System), events, batched, ClaimBenchmark.ServerCpu);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ClaimBenchmark.DropDatabaseAsync(server, name);
        }
    }

    private static async Task<Pass> TimeAsync(IReactorOutbox outbox, int events, bool batched, Func<TimeSpan> serverCpu)
    {
        // Warm-up: connections opened, statements planned, the JIT done. Then the timed events are stored, untimed.
        await MarkAllAsync(outbox, await StoreAsync(outbox, Batch * 2), batched);
        var stored = await StoreAsync(outbox, events);
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var (cpu0, server0) = (self.TotalProcessorTime, serverCpu());
        var wall = Stopwatch.StartNew();
        await MarkAllAsync(outbox, stored, batched);
        wall.Stop();
        self.Refresh();
        if (await outbox.ReadToEvaluateAsync(0, 1, CancellationToken.None) is [_, ..])
        {
            throw new InvalidOperationException("events were left unmarked");
        }

        return new Pass(wall.Elapsed, self.TotalProcessorTime - cpu0, serverCpu() - server0);
    }

    private static async Task<IReadOnlyList<long>> StoreAsync(IReactorOutbox outbox, int events)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < events)
            {
                await outbox.AddAsync(EventEnvelope.Create("bench/fired", "/reactor"), CancellationToken.None);
            }
        })));
        return [.. (await outbox.ReadToEvaluateAsync(0, events, CancellationToken.None)).Select(e => e.Sequence)];
    }

    // As the evaluator does, batch after batch. Per event, the evaluator queued each mark and awaited them together: on
    // PostgreSQL up to a pool's worth of connections (100) at once, more than a shared server spares (it ran out of
    // connection slots here), so at most InFlight are run at once, as many as the claim benchmark's callers.
    private static async Task MarkAllAsync(IReactorOutbox outbox, IReadOnlyList<long> sequences, bool batched)
    {
        using var slots = new SemaphoreSlim(InFlight);
        foreach (var batch in sequences.Chunk(Batch))
        {
            await (batched
                ? outbox.MarkEvaluatedAsync(batch, CancellationToken.None)
                : Task.WhenAll(batch.Select(async sequence =>
                {
                    await slots.WaitAsync();
                    try
                    {
                        await outbox.MarkEvaluatedAsync([sequence], CancellationToken.None);
                    }
                    finally
                    {
                        slots.Release();
                    }
                })));
        }
    }

    private static void Add(Dictionary<string, List<Pass>> results, string key, Pass pass)
    {
        if (!results.TryGetValue(key, out var list))
        {
            results[key] = list = [];
        }

        list.Add(pass);
    }

    private static void Print(Dictionary<string, List<Pass>> results, int events)
    {
        var invariant = CultureInfo.InvariantCulture;
        Pass Median(string key) => results[key].OrderBy(p => p.Wall).ElementAt(results[key].Count / 2);
        Console.WriteLine(string.Create(invariant, $"outbox marks: {events:N0} events per pass in batches of {Batch}, median of {Passes} alternating passes"));
        Console.WriteLine(string.Create(invariant, $"{"back end",-20} {"events/s",10} {"wall us/event",14} {"cpu us/event",13} {"of which server",16}"));
        foreach (var key in results.Keys)
        {
            var m = Median(key);
            Console.WriteLine(string.Create(invariant, $"{key,-20} {events / m.Wall.TotalSeconds,10:N0} {m.Wall.TotalMicroseconds / events,14:F1} {(m.Cpu + m.ServerCpu).TotalMicroseconds / events,13:F1} {m.ServerCpu.TotalMicroseconds / events,16:F1}"));
        }

        Console.WriteLine();
        foreach (var backEnd in (string[])["sqlite", "postgres"])
        {
            var before = Median(Key(backEnd, batched: false));
            var after = Median(Key(backEnd, batched: true));
            Console.WriteLine(string.Create(invariant, $"{backEnd}: per-batch/per-event throughput={before.Wall / after.Wall:F2} cpu_per_event_ratio={(after.Cpu + after.ServerCpu) / (before.Cpu + before.ServerCpu):F2}"));
        }
    }

    private sealed record Pass(TimeSpan Wall, TimeSpan Cpu, TimeSpan ServerCpu);
}
