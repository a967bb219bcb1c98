using System.Diagnostics;
using System.Globalization;
using EventReactor.Benchmarks;
using EventReactor.Benchmarks.Commands;
using EventReactor.Benchmarks.Sampler;
using EventReactor.Benchmarks.Ui;

// "sampler [seconds]": issue #6's metric sampling overhead (deploy/perf/sampler.sh) instead of the rule engine.
if (args is ["sampler", .. var samplerArgs])
{
    return await SamplerBenchmark.RunAsync(samplerArgs);
}

// "claims SERVER_URL [claims]": a reaction's ledger writes on SQLite against PostgreSQL (deploy/perf/claims.sh).
if (args is ["claims", .. var claimArgs])
{
    return await EventReactor.Benchmarks.Claims.ClaimBenchmark.RunAsync(claimArgs);
}

// "outbox-marks SERVER_URL [events]": marking the outbox evaluator's batches, per event against per batch (issue #13).
if (args is ["outbox-marks", .. var markArgs])
{
    return await EventReactor.Benchmarks.Outbox.OutboxMarkBenchmark.RunAsync(markArgs);
}

// "commands [count]": sign and verify cost per command (issue #11).
if (args is ["commands", .. var commandArgs])
{
    return await CommandSigningBenchmark.RunAsync(commandArgs);
}

// "trust [count]": the key gate and user_id check per received event (issue #11).
if (args is ["trust", .. var trustArgs])
{
    return await EventReactor.Benchmarks.Trust.EventTrustBenchmark.RunAsync(trustArgs);
}

// "stats [rows] [rules] [postgres://...]": rule health's per-rule count over the audit (issue #20 part 3).
if (args is ["stats", .. var statsArgs])
{
    return await EventReactor.Benchmarks.RuleHealth.RuleStatsBenchmark.RunAsync(statsArgs);
}

// "replay seed DATA RULES [events]": a day of history in a reactor's data folder, for rules test --replay (issue #20).
if (args is ["replay", "seed", var seedData, var seedRules, .. var seedArgs])
{
    return await EventReactor.Benchmarks.Replay.ReplaySeeder.RunAsync(seedData, seedRules, seedArgs is [var n] ? int.Parse(n, CultureInfo.InvariantCulture) : 43_200);
}

// "replay [events] [rules]": replaying the event journal through edited rules (issue #20).
if (args is ["replay", .. var replayArgs])
{
    return await EventReactor.Benchmarks.Replay.ReplayBenchmark.RunAsync(replayArgs);
}

// "journal [events]": the event journal's cost per event, on against off in the same run (issue #20).
if (args is ["journal", .. var journalArgs])
{
    return await EventReactor.Benchmarks.Replay.JournalCostBenchmark.RunAsync(journalArgs);
}

// "ui seed|measure": the dashboard's page times (deploy/perf/ui.sh).
if (args is ["ui", .. var uiArgs])
{
    return await UiBenchmark.RunAsync(uiArgs);
}

// Rules and events as issue #3 asks: 1,000 rules (30% with a condition), a million events matching at most five each.
const int RuleCount = 1000;
const int EventCount = 1_000_000;
const int NaiveEventCount = 20_000;
const int Repetitions = 3;

var pinned = PinToOneCore();
var random = new Random(20261128);
var rules = RuleGenerator.Generate(RuleCount, 0.30, random);
var events = EventGenerator.Generate(EventCount, tag => rules.Rules.Count(rule => rule.MatchesTag(tag)), random);
var indexed = new IndexedEngine(rules);
var naive = new NaiveEngine(rules);

// Both engines must agree, event by event, before either is timed.
foreach (var envelope in events.Take(NaiveEventCount))
{
    if (indexed.Process(envelope) != naive.Process(envelope))
    {
        Console.Error.WriteLine($"engines disagree on event {envelope.Id} ({envelope.Tag})");
        return 1;
    }
}

var matched = events.Take(NaiveEventCount).Sum(e => rules.Match(e.Tag).Count);
var conditioned = events.Take(NaiveEventCount).Sum(e => rules.Match(e.Tag).Count(rule => rule.When is not null));
var fast = Measurement.Run(indexed, events, EventCount, Repetitions);
var slow = Measurement.Run(naive, events, NaiveEventCount, Repetitions);
var ratio = fast.EventsPerCpuSecond / slow.EventsPerCpuSecond;
var withCondition = rules.Rules.Count(rule => rule.When is not null);
var invariant = CultureInfo.InvariantCulture;

Console.WriteLine(string.Create(invariant, $"rules: {RuleCount} ({withCondition} with a condition); events: {EventCount:N0}, each matching at most 5 rules"));
Console.WriteLine(string.Create(invariant, $"per event (first {NaiveEventCount:N0}): {(double)matched / NaiveEventCount:F2} rules match the tag, {(double)conditioned / NaiveEventCount:F2} conditions evaluated"));
Console.WriteLine(pinned ? "thread: one, process pinned to CPU 0" : "thread: one (could not pin the process to one CPU)");
Console.WriteLine(string.Create(invariant, $"median of {Repetitions} timed passes after a warm-up; the naive engine runs the first {NaiveEventCount:N0} events and is extrapolated to a rate"));
Console.WriteLine("events/s per CPU-second is the figure reported below; wall-clock rates drop when other work shares the core");
Console.WriteLine();
Console.WriteLine(string.Create(invariant, $"{"engine",-34} {"events",10} {"events/cpu-s",13} {"events/wall-s",14} {"rules fired",12}"));
foreach (var m in (Measurement[])[fast, slow])
{
    Console.WriteLine(string.Create(invariant, $"{m.Engine,-34} {m.Events,10:N0} {m.EventsPerCpuSecond,13:N0} {m.EventsPerWallSecond,14:N0} {m.Fired,12:N0}"));
}

Console.WriteLine();
Console.WriteLine(string.Create(invariant, $"events_per_second={fast.EventsPerCpuSecond:F0}"));
Console.WriteLine(string.Create(invariant, $"naive_ratio={ratio:F1}"));
return 0;

static bool PinToOneCore()
{
    if (!OperatingSystem.IsLinux() && !OperatingSystem.IsWindows())
    {
        return false;
    }

    try
    {
        Process.GetCurrentProcess().ProcessorAffinity = 1;
        return true;
    }
    catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or PlatformNotSupportedException)
    {
        return false;
    }
}
