using System.Diagnostics;
using System.Globalization;
using EventReactor.Contracts;
using EventReactor.Core.Evaluation;
using EventReactor.Core.Rules;
using EventReactor.Reactor;
using EventReactor.Reactor.Audit;
using EventReactor.Reactor.Journal;
using EventReactor.Reactor.State;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EventReactor.Benchmarks.Replay;

/// <summary>
/// <c>journal [events]</c> (issue #20): the reactor's event path without the broker (evaluate, audit each matched rule,
/// and journal the event), with the journal on and off, alternating in the same run, each on a fresh SQLite state and
/// timed until the writer has written everything. Target: the journal costs at most 5% of throughput.
/// </summary>
internal static class JournalCostBenchmark
{
    private const int Rounds = 3;

    public static async Task<int> RunAsync(string[] args)
    {
        var eventCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
        var random = new Random(20261207);
        var (live, _) = ReplayWorld.Rules(1000, random);
        var events = EventGenerator.Generate(eventCount, tag => live.Rules.Count(rule => rule.MatchesTag(tag)), random);
        var off = new List<TimedPass>();
        var on = new List<TimedPass>();
        await PassAsync(live, events, journalOn: true);
        for (var round = 0; round < Rounds; round++)
        {
            off.Add(await PassAsync(live, events, journalOn: false));
            on.Add(await PassAsync(live, events, journalOn: true));
        }

        var invariant = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(invariant, $"event path without the broker: evaluate 1,000 rules, audit each matched rule, journal the event; {eventCount:N0} events, {Rounds} rounds alternating, after a warm-up"));
        Console.WriteLine(string.Create(invariant, $"{"journal",-8} {"median wall s",14} {"median cpu s",13} {"events/wall-s",14} {"events/cpu-s",13}"));
        var offMedian = Print("off", off);
        var onMedian = Print("on", on);
        Console.WriteLine(string.Create(invariant, $"journal on / off throughput: {offMedian.Wall.TotalSeconds / onMedian.Wall.TotalSeconds:F3} (wall), {offMedian.Cpu.TotalSeconds / onMedian.Cpu.TotalSeconds:F3} (cpu); cost per event {(onMedian.Cpu - offMedian.Cpu).TotalMicroseconds / eventCount:F1} us of cpu"));
        return 0;
    }

    private static async Task<TimedPass> PassAsync(RuleSet live, EventEnvelope[] events, bool journalOn)
    {
        var folder = Directory.CreateTempSubdirectory("er-journal-bench-");
        try
        {
            await using var database = new ReactorDatabase(Options.Create(new ReactorOptions { DataPath = folder.FullName }));
            database.Migrate(TimeProvider.System);
            var audit = new AuditWriter(new SqliteAuditStore(database));
            var journal = new EventJournal(new SqliteEventJournalStore(database), audit, Options.Create(new JournalOptions { Enabled = journalOn }), TimeProvider.System, NullLogger<EventJournal>.Instance);
            await audit.StartAsync(CancellationToken.None);
            await journal.StartAsync(CancellationToken.None);
            var evaluator = new RuleEvaluator(8, OpenThrottleGate.Instance);
            var process = Process.GetCurrentProcess();
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            foreach (var envelope in events)
            {
                await journal.ObserveAsync(envelope, CancellationToken.None);
                foreach (var record in ReplayWorld.Audit(envelope, evaluator.Evaluate(live, envelope)))
                {
                    audit.Record(record);
                }
            }

            // The queue drained: a flush waits for everything queued before it.
            await audit.FlushAsync(CancellationToken.None);
            watch.Stop();
            process.Refresh();
            var timed = new TimedPass(events.Length, watch.Elapsed, process.TotalProcessorTime - cpu);
            await journal.StopAsync(CancellationToken.None);
            await audit.StopAsync(CancellationToken.None);
            return timed;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static TimedPass Print(string name, List<TimedPass> passes)
    {
        var median = passes.OrderBy(p => p.Wall).ElementAt(passes.Count / 2);
        var cpu = passes.Select(p => p.Cpu).Order().ElementAt(passes.Count / 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-8} {median.Wall.TotalSeconds,14:F2} {cpu.TotalSeconds,13:F2} {median.Events / median.Wall.TotalSeconds,14:N0} {median.Events / cpu.TotalSeconds,13:N0}"));
        return median with { Cpu = cpu };
    }
}
