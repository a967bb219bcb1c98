using System.Collections;
using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Contracts.Api;
using EventReactor.Core.Evaluation;
using EventReactor.Core.Evaluation.Replay;
using EventReactor.Core.Expressions;
using EventReactor.Core.Rules;

namespace EventReactor.Core.Tests.Evaluation.Replay;

/// <summary>
/// Plays the live reactor for replay tests: evaluates events with the live rules, records the audit as the reactor
/// would, and journals each fired event right after its cause (1 ms later), as the outbox chains it.
/// </summary>
internal sealed class LiveRecorder(RuleSet live, int maxDepth = 8)
{
    private readonly ReplayClock _clock = new();
    private RuleEvaluator? _evaluator;

    public List<RecordedEvent> Record(IEnumerable<EventEnvelope> events)
    {
        _evaluator = new RuleEvaluator(maxDepth, new ThrottleGate(_clock));
        var journal = new List<RecordedEvent>();
        foreach (var envelope in events)
        {
            Record(envelope, journal);
        }

        return journal;
    }

    private void Record(EventEnvelope envelope, List<RecordedEvent> journal)
    {
        _clock.Now = envelope.Time;
        var verdicts = _evaluator!.Evaluate(live, envelope);
        var audit = new List<AuditRecord>();
        var fired = new List<EventEnvelope>();
        foreach (var verdict in verdicts)
        {
            var actions = verdict.Actions.Select(a => new ActionAudit(a.Action.Name, "r.yaml:1:1", a.Arguments is null ? null : CelValues.ToJson(a.Arguments), ActionStatus.Done, null, null, 1, 0)).ToList();
            audit.Add(new AuditRecord(envelope.Id, envelope.Tag, verdict.Rule.Name, verdict.Rule.Location.ToString(), verdict.Outcome, verdict.Detail, actions, envelope.Time, 0));
            foreach (var action in verdict.Actions.Where(a => a.Action.Name == "event.fire"))
            {
                var arguments = action.Arguments!;
                var data = arguments.GetValueOrDefault("data") as IDictionary;
                fired.Add(envelope.CreateCaused((string)arguments["tag"]!, "/reactor", data is null ? null : CelValues.ToJson(data)) with { Time = envelope.Time.AddMilliseconds(1) });
            }
        }

        journal.Add(new RecordedEvent(envelope, audit));
        fired.ForEach(e => Record(e, journal));
    }

    public static EventEnvelope Event(string tag, DateTimeOffset time, object data, string? minion = null) => new()
    {
        Id = EventEnvelope.NewId(),
        Tag = tag,
        Source = "/test",
        Time = time,
        Minion = minion,
        Data = JsonSerializer.SerializeToElement(data),
    };
}
