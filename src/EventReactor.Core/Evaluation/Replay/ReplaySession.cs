using System.Collections;
using EventReactor.Contracts;
using EventReactor.Contracts.Api;
using EventReactor.Contracts.Reactor;
using EventReactor.Core.Expressions;
using EventReactor.Core.Rules;
using EventReactor.Core.Tags;

namespace EventReactor.Core.Evaluation.Replay;

/// <summary>
/// Replays journaled events, in event-time order, through a candidate rule set with the reactor's own
/// <see cref="RuleEvaluator"/>, and tallies how its reactions differ from the live ones the audit recorded. Nothing is
/// executed: throttles run on event time (<see cref="ReplayClock"/>), and an <c>event.fire</c> becomes an event that is
/// evaluated in turn, compared with the live chained event of the same tag when there is one.
/// </summary>
public sealed class ReplaySession
{
    private const string EventFire = "event.fire";

    /// <summary>How long after an event its live chained events may still come in the journal.</summary>
    private static readonly TimeSpan ChainHorizon = TimeSpan.FromMinutes(5);

    private readonly RuleSet _candidate;
    private readonly TagGlob? _tag;
    private readonly ReplayClock _clock = new();
    private readonly RuleEvaluator _evaluator;
    private readonly ReplayTally _tally = new();
    private readonly Dictionary<string, PendingChain> _pending = new(StringComparer.Ordinal);
    private readonly Queue<PendingChain> _pendingInOrder = new();
    private long _events;
    private long _chained;
    private long _skipped;

    public ReplaySession(RuleSet candidate, int maxDepth, TagGlob? tag)
    {
        _candidate = candidate;
        _tag = tag;
        _evaluator = new RuleEvaluator(maxDepth, new ThrottleGate(_clock));
    }

    /// <summary>Replays the next journaled event; events must come in event-time order.</summary>
    public void Add(RecordedEvent recorded)
    {
        var envelope = recorded.Event;
        ExpireBefore(envelope.Time - ChainHorizon);
        if (envelope.CausedBy is { } cause && _pending.TryGetValue(cause, out var chain))
        {
            _chained++;
            _events++;
            ReplayChained(recorded, chain);
            return;
        }

        if (_tag is not null && !_tag.IsMatch(envelope.Tag))
        {
            return;
        }

        if (recorded.Audit.Any(r => r.Outcome is RuleOutcome.Untrusted or RuleOutcome.Rejected))
        {
            _skipped++;
            return;
        }

        _events++;
        Replay(recorded, envelope, envelope.Tag);
    }

    /// <summary>The differences found; candidate chains still waiting for live events are settled first.</summary>
    public ReplayReport Finish(DateTimeOffset from, DateTimeOffset to)
    {
        ExpireBefore(DateTimeOffset.MaxValue);
        return new ReplayReport(
            from,
            to,
            _events,
            _chained,
            _skipped,
            _tally.Of(DifferenceKind.Added),
            _tally.Of(DifferenceKind.Removed),
            _tally.Of(DifferenceKind.Changed),
            _tally.Of(DifferenceKind.NowErroring));
    }

    // A live chained event: compared with the candidate's event of the same tag, or all its reactions are gone.
    private void ReplayChained(RecordedEvent recorded, PendingChain chain)
    {
        var via = $"{chain.Via} → {recorded.Event.Tag}";
        if (chain.TakeCounterpart(recorded.Event.Tag) is { } counterpart)
        {
            Replay(recorded, counterpart with { Id = recorded.Event.Id, Time = recorded.Event.Time }, via);
            return;
        }

        _clock.Now = recorded.Event.Time;
        ReactionComparer.Compare(_tally, recorded.Event.Id, recorded.Event.Tag, null, recorded.Audit, [], $"the candidate does not fire {recorded.Event.Tag} from {chain.EventId}");
        if (FiredLive(recorded.Audit))
        {
            Hold(new PendingChain(recorded.Event.Id, recorded.Event.Time, via, []));
        }
    }

    private void Replay(RecordedEvent recorded, EventEnvelope candidateEvent, string via)
    {
        _clock.Now = recorded.Event.Time;
        var verdicts = _evaluator.Evaluate(_candidate, candidateEvent);
        ReactionComparer.Compare(_tally, recorded.Event.Id, recorded.Event.Tag, null, recorded.Audit, verdicts);
        var fired = Fired(candidateEvent, verdicts);
        if (FiredLive(recorded.Audit))
        {
            Hold(new PendingChain(recorded.Event.Id, recorded.Event.Time, via, fired));
        }
        else
        {
            // No live event will follow: what the candidate fires is new, replayed now, at this event's time.
            fired.ForEach(e => ReplayCandidateOnly(e, recorded.Event.Id, $"{via} → {e.Tag}"));
        }
    }

    // An event only the candidate fires: every reaction to it is added; the examples name the journaled event it chains from.
    private void ReplayCandidateOnly(EventEnvelope envelope, string journaledId, string via)
    {
        var verdicts = _evaluator.Evaluate(_candidate, envelope);
        ReactionComparer.Compare(_tally, journaledId, envelope.Tag, via, [], verdicts);
        foreach (var fired in Fired(envelope, verdicts))
        {
            ReplayCandidateOnly(fired, journaledId, $"{via} → {fired.Tag}");
        }
    }

    private void Hold(PendingChain chain)
    {
        _pending[chain.EventId] = chain;
        _pendingInOrder.Enqueue(chain);
    }

    // Chains whose live events can no longer come: what the candidate still fires from them is new.
    private void ExpireBefore(DateTimeOffset limit)
    {
        while (_pendingInOrder.TryPeek(out var chain) && chain.At < limit)
        {
            _pendingInOrder.Dequeue();
            _pending.Remove(chain.EventId);
            _clock.Now = chain.At;
            foreach (var fired in chain.CandidateEvents)
            {
                ReplayCandidateOnly(fired, chain.EventId, $"{chain.Via} → {fired.Tag}");
            }
        }
    }

    private static bool FiredLive(IReadOnlyList<AuditRecord> audit) =>
        audit.Any(r => ReactionComparer.Acted(r.Outcome) && r.Actions.Any(a => a.Action == EventFire && a.Status == ActionStatus.Done));

    // The events the candidate's event.fire actions would fire, made as the action makes them, at the causing event's time.
    private static List<EventEnvelope> Fired(EventEnvelope cause, IReadOnlyList<RuleVerdict> verdicts)
    {
        var fired = new List<EventEnvelope>();
        foreach (var planned in verdicts.Where(v => v.Outcome == RuleOutcome.Acted).SelectMany(v => v.Actions))
        {
            if (planned.Action.Name == EventFire
                && planned.Arguments is { } arguments
                && arguments.GetValueOrDefault("tag") is string tag
                && arguments.GetValueOrDefault("data") is null or IDictionary)
            {
                var data = arguments.GetValueOrDefault("data");
                fired.Add(cause.CreateCaused(tag, ReactorTags.Source, data is null ? null : CelValues.ToJson(data)) with { Time = cause.Time });
            }
        }

        return fired;
    }
}
