using System.Diagnostics;
using System.Globalization;
using EventReactor.Contracts;
using EventReactor.Contracts.Api;
using EventReactor.Core.Evaluation;
using EventReactor.Core.Evaluation.Replay;
using EventReactor.Reactor;
using EventReactor.Reactor.Audit;
using EventReactor.Reactor.Journal;
using EventReactor.Reactor.State;
using Microsoft.Extensions.Options;

namespace EventReactor.Benchmarks.Replay;

/// <summary>
/// <c>replay [events] [rules]</c> (issue #20): journals a million events with their audit in a fresh SQLite state, then
/// replays them, streamed from the store, through an edited rule set; its peer in the same run is the same stream read
/// with nothing evaluated. Target: a million events against 1,000 rules in at most 10 s.
/// </summary>
internal static class ReplayBenchmark
{
    private const int Batch = 5000;

    public static async Task<int> RunAsync(string[] args)
    {
        var eventCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var ruleCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
        var random = new Random(20261206);
        var (live, candidate) = ReplayWorld.Rules(ruleCount, random);
        var events = EventGenerator.Generate(eventCount, tag => live.Rules.Count(rule => rule.MatchesTag(tag)), random);
        var folder = Directory.CreateTempSubdirectory("er-replay-bench-");
        try
        {
            await using var database = new ReactorDatabase(Options.Create(new ReactorOptions { DataPath = folder.FullName }));
            database.Migrate(TimeProvider.System);
            var journal = new SqliteEventJournalStore(database);
            var seeding = Stopwatch.StartNew();
            var audited = await SeedAsync(new SqliteAuditStore(database), live, events);
            seeding.Stop();
            var from = events[0].Time;
            var to = events[^1].Time.AddMilliseconds(1);
            events = null;
            GC.Collect();

            var step = await TimeAsync(() => StepAsync(database, from, to, readText: false));
            var text = await TimeAsync(() => StepAsync(database, from, to, readText: true));
            Task<long> ReadAsync() => journal.ReadWindowAsync(from, to, _ => { }, CancellationToken.None);
            async Task<long> ReplayAsync(bool twoThreads, Action<ReplayReport> keep)
            {
                var session = new ReplaySession(candidate, 8, null);
                var count = twoThreads
                    ? await WindowHandOff.RunAsync((visit, token) => journal.ReadWindowAsync(from, to, visit, token), session.Add, CancellationToken.None)
                    : await journal.ReadWindowAsync(from, to, session.Add, CancellationToken.None);
                keep(session.Finish(from, to));
                return count;
            }

            // Twice, so that the run shows its own noise (the machine is shared).
            ReplayReport? report = null;
            ReplayReport? handedOff = null;
            var read = await TimeAsync(ReadAsync);
            var replay = await TimeAsync(() => ReplayAsync(false, r => report = r));
            var twoThreads = await TimeAsync(() => ReplayAsync(true, r => handedOff = r));
            var readAgain = await TimeAsync(ReadAsync);
            var replayAgain = await TimeAsync(() => ReplayAsync(false, _ => { }));
            var twoThreadsAgain = await TimeAsync(() => ReplayAsync(true, _ => { }));

            var invariant = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(invariant, $"journal: {eventCount:N0} events, {audited:N0} audit records, {new FileInfo(database.Location).Length / 1e6:F0} MB, seeded in {seeding.Elapsed.TotalSeconds:F1} s"));
            Console.WriteLine(string.Create(invariant, $"rules: {ruleCount} live; the candidate rewords 50 actions and drops 50 conditions"));
            Console.WriteLine();
            Console.WriteLine(string.Create(invariant, $"{"pass",-36} {"events",10} {"wall s",8} {"cpu s",8} {"events/wall-s",14} {"events/cpu-s",13}"));
            Print("step the rows only", step);
            Print("step and read every column", text);
            Print("read the window (peer)", read);
            Print("replay (read + evaluate + diff)", replay);
            Print("replay, read | evaluate on 2 threads", twoThreads);
            Print("read the window, again", readAgain);
            Print("replay, again", replayAgain);
            Print("replay on 2 threads, again", twoThreadsAgain);
            Console.WriteLine();
            Console.WriteLine(string.Create(invariant, $"replay / read: {replay.Wall.TotalSeconds / read.Wall.TotalSeconds:F2}x the wall time; target: 1,000,000 events in 10 s -> {replay.Wall.TotalSeconds / replay.Events * 1_000_000:F1} s wall, {replay.Cpu.TotalSeconds / replay.Events * 1_000_000:F1} s cpu per million"));
            Console.WriteLine(string.Create(invariant, $"two threads / one: {twoThreads.Wall.TotalSeconds / replay.Wall.TotalSeconds:F2}x the wall time, {twoThreads.Cpu.TotalSeconds / replay.Cpu.TotalSeconds:F2}x the cpu; {twoThreads.Wall.TotalSeconds / twoThreads.Events * 1_000_000:F1} s wall per million; same report: {Same(report!, handedOff!)}"));
            Console.WriteLine(string.Create(invariant, $"memory: peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB for the whole run (the seeding holds the generated events); managed heap after the replay {GC.GetTotalMemory(false) / 1e6:F0} MB"));
            Console.WriteLine(string.Create(invariant, $"differences: {report!.Added.Sum(d => d.Events):N0} added, {report.Removed.Sum(d => d.Events):N0} removed, {report.Changed.Sum(d => d.Events):N0} changed, {report.NowErroring.Sum(d => d.Events):N0} now erroring"));
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static async Task<long> SeedAsync(SqliteAuditStore audit, EventReactor.Core.Rules.RuleSet live, EventEnvelope[] events)
    {
        var evaluator = new RuleEvaluator(8, OpenThrottleGate.Instance);
        long records = 0;
        for (var start = 0; start < events.Length; start += Batch)
        {
            var batch = events.AsSpan(start, Math.Min(Batch, events.Length - start)).ToArray();
            var audits = batch.SelectMany(e => ReplayWorld.Audit(e, evaluator.Evaluate(live, e))).ToList();
            await audit.AppendAsync(batch, audits, CancellationToken.None);
            records += audits.Count;
        }

        return records;
    }

    // The window's query stepped through without building events: what SQLite itself costs, and with the text read.
    private static Task<long> StepAsync(ReactorDatabase database, DateTimeOffset from, DateTimeOffset to, bool readText) =>
        database.ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {RecordedEventReader.Columns("e.rowid", column => $"CAST({column} AS BLOB)")} FROM events e LEFT JOIN audit a ON a.event_id = e.id WHERE e.time >= $from AND e.time < $to ORDER BY e.time, e.rowid, a.id";
            command.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());
            await using var reader = await command.ExecuteReaderAsync();
            long rows = 0;
            while (await reader.ReadAsync())
            {
                rows++;
                if (readText)
                {
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        _ = reader.IsDBNull(i) ? null : reader.GetValue(i);
                    }
                }
            }

            return rows;
        }, CancellationToken.None);

    private static bool Same(ReplayReport one, ReplayReport other) =>
        System.Text.Json.JsonSerializer.Serialize(one) == System.Text.Json.JsonSerializer.Serialize(other);

    private static async Task<TimedPass> TimeAsync(Func<Task<long>> pass)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var events = await pass();
        watch.Stop();
        process.Refresh();
        return new TimedPass(events, watch.Elapsed, process.TotalProcessorTime - cpu);
    }

    private static void Print(string name, TimedPass timed) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-36} {timed.Events,10:N0} {timed.Wall.TotalSeconds,8:F2} {timed.Cpu.TotalSeconds,8:F2} {timed.Events / timed.Wall.TotalSeconds,14:N0} {timed.Events / timed.Cpu.TotalSeconds,13:N0}"));
}
