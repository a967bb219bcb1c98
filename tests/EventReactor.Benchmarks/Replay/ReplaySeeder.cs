using System.Collections;
using System.Globalization;
using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Contracts.Api;
using EventReactor.Contracts.Reactor;
using EventReactor.Core.Evaluation;
using EventReactor.Core.Evaluation.Replay;
using EventReactor.Core.Expressions;
using EventReactor.Core.Rules;
using EventReactor.Reactor;
using EventReactor.Reactor.Actions;
using EventReactor.Reactor.Audit;
using EventReactor.Reactor.Journal;
using EventReactor.Reactor.State;
using Microsoft.Extensions.Options;

namespace EventReactor.Benchmarks.Replay;

/// <summary>
/// <c>replay seed DATA RULES [events]</c>: a day of generated container events in a reactor's data folder, journaled and
/// audited as the live rules in RULES decided them (throttles on event time, fired events chained 1 ms later), so that
/// a reactor started on DATA has history for <c>rules test --replay</c> to replay.
/// </summary>
internal static class ReplaySeeder
{
    private static readonly int[] ExitCodes = [0, 0, 0, 0, 1, 1, 2, 137, 143, 143];

    public static async Task<int> RunAsync(string data, string rulesPath, int count)
    {
        var live = new RuleSetLoader(BuiltInActions.Catalog).Load([rulesPath]).GetValidRuleSet();
        var clock = new ReplayClock();
        var evaluator = new RuleEvaluator(new ReactorOptions().MaxDepth, new ThrottleGate(clock));
        await using var database = new ReactorDatabase(Options.Create(new ReactorOptions { DataPath = data }));
        database.Migrate(TimeProvider.System);
        var audit = new SqliteAuditStore(database);
        var random = new Random(20261206);
        var start = DateTimeOffset.UtcNow.AddDays(-1).AddMinutes(1);
        var step = TimeSpan.FromDays(1).Subtract(TimeSpan.FromMinutes(2)) / count;
        var events = new List<EventEnvelope>();
        var records = new List<AuditRecord>();
        long journaled = 0;
        for (var i = 0; i < count; i++)
        {
            Record(Generate(random, start + (step * i)), live, evaluator, clock, events, records);
            if (events.Count >= 5000)
            {
                journaled += await FlushAsync(audit, events, records);
            }
        }

        journaled += await FlushAsync(audit, events, records);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {journaled:N0} journaled events from {start:u} in {Path.Combine(data, "reactor.db")}"));
        return 0;
    }

    private static EventEnvelope Generate(Random random, DateTimeOffset time)
    {
        var minion = $"node-{random.Next(1, 21):D2}";
        var oom = random.Next(100) < 8;
        var exit = ExitCodes[random.Next(ExitCodes.Length)];
        return new EventEnvelope
        {
            Id = EventEnvelope.NewId(),
            Tag = $"minion/{minion}/docker/container/{(oom ? "oom" : "die")}",
            Source = $"/minion/{minion}",
            Time = time,
            Minion = minion,
            Data = JsonSerializer.SerializeToElement(new { name = $"bench-{random.Next(1000)}", image = "bench/stream:latest", exitCode = oom ? 137 : exit }),
        };
    }

    // As the reactor does it: evaluate, audit each matched rule, chain each fired event right after its cause.
    private static void Record(EventEnvelope envelope, RuleSet live, RuleEvaluator evaluator, ReplayClock clock, List<EventEnvelope> events, List<AuditRecord> records)
    {
        clock.Now = envelope.Time;
        var verdicts = evaluator.Evaluate(live, envelope);
        events.Add(envelope);
        records.AddRange(ReplayWorld.Audit(envelope, verdicts));
        foreach (var planned in verdicts.Where(v => v.Outcome == RuleOutcome.Acted).SelectMany(v => v.Actions).Where(a => a.Action.Name == "event.fire"))
        {
            var arguments = planned.Arguments!;
            var data = arguments.GetValueOrDefault("data") as IDictionary;
            var fired = envelope.CreateCaused((string)arguments["tag"]!, ReactorTags.Source, data is null ? null : CelValues.ToJson(data)) with { Time = envelope.Time.AddMilliseconds(1) };
            Record(fired, live, evaluator, clock, events, records);
        }
    }

    private static async Task<int> FlushAsync(SqliteAuditStore audit, List<EventEnvelope> events, List<AuditRecord> records)
    {
        var count = events.Count;
        await audit.AppendAsync(events, records, CancellationToken.None);
        events.Clear();
        records.Clear();
        return count;
    }
}
