using System.Collections.Concurrent;
using System.Diagnostics;
using EventReactor.Contracts;
using EventReactor.Messaging;
using EventReactor.Messaging.Telemetry;

namespace EventReactor.EndToEnd;

/// <summary>
/// Splits reaction latency into stages while it is on (the latency phases only: it makes the reactor start a span per
/// event): when a minion's outbox handed each container event to the broker and when the broker confirmed it (as the
/// minion's decorated publishers report both), and when the reactor began consuming it (its <c>event</c> span, found
/// by <c>messaging.message.id</c>), besides the stored and fired times the <see cref="FiredCounter"/> keeps.
/// </summary>
internal sealed class StageClock : IReactionObserver, IDisposable
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _sent = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _confirmed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _consumed = new(StringComparer.Ordinal);
    private readonly ActivityListener _listener;
    private volatile bool _on;

    public StageClock()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == EventReactorTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
                _on && options.Kind == ActivityKind.Consumer && options.Name.StartsWith("event ", StringComparison.Ordinal)
                    ? ActivitySamplingResult.AllData
                    : ActivitySamplingResult.None,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem(EventReactorTelemetry.MessageIdAttribute) is string id)
                {
                    _consumed.TryAdd(id, new DateTimeOffset(activity.StartTimeUtc));
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public bool Listening => _on;

    /// <summary>Forgets the last phase's stamps and starts taking them.</summary>
    public void Start()
    {
        _sent.Clear();
        _confirmed.Clear();
        _consumed.Clear();
        _on = true;
    }

    public void Stop() => _on = false;

    /// <summary>A minion's events handed to the broker; the first send counts.</summary>
    public void Sending(IReadOnlyList<SerializedEvent> events)
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var sent in events)
        {
            _sent.TryAdd(sent.Id, now);
        }
    }

    /// <summary>A minion's event the broker confirmed; the first confirm counts.</summary>
    public void Observe(EventEnvelope published) => _confirmed.TryAdd(published.Id, DateTimeOffset.UtcNow);

    /// <summary>
    /// The stages of <paramref name="reactions"/> that have every stamp: stored to the minion outbox's send (the commit
    /// and the wait for the drainer), to the broker's confirm (the publish and the broker's write), to the reactor's
    /// consume (routing, the queue, the prefetch), to the fired event's time (rules, claim, action); and how many had
    /// every stamp.
    /// </summary>
    public (int Stamped, IReadOnlyList<LatencyStage> Stages) Split(IReadOnlyList<Reaction> reactions)
    {
        var stamped = reactions
            .Where(r => _sent.ContainsKey(r.EventId) && _confirmed.ContainsKey(r.EventId) && _consumed.ContainsKey(r.EventId))
            .Select(r => (Total: r.Milliseconds, Parts: new[]
            {
                (_sent[r.EventId] - r.Stored).TotalMilliseconds,
                (_confirmed[r.EventId] - _sent[r.EventId]).TotalMilliseconds,
                (_consumed[r.EventId] - _confirmed[r.EventId]).TotalMilliseconds,
                (r.Fired - _consumed[r.EventId]).TotalMilliseconds,
            }))
            .ToList();
        var tail = stamped.OrderByDescending(s => s.Total).Take(Math.Max(1, stamped.Count / 100)).ToList();
        string[][] names =
        [
            ["outbox", "stored to the minion outbox's send"],
            ["confirm", "send to the broker's confirm"],
            ["queue", "confirm to the reactor's consume"],
            ["reactor", "consume to fired"],
        ];
        var stages = names.Select((name, i) =>
        {
            var summary = LatencySummary.Of([.. stamped.Select(s => s.Parts[i])]);
            return new LatencyStage(name[0], name[1], summary.P50, summary.P99, tail.Count == 0 ? double.NaN : tail.Average(s => s.Parts[i]));
        }).ToList();
        return (stamped.Count, stages);
    }

    public void Dispose() => _listener.Dispose();
}
