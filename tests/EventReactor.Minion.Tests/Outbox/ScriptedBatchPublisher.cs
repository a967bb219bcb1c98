using System.Collections.Concurrent;
using System.Text;
using EventReactor.Contracts;
using EventReactor.Messaging;

namespace EventReactor.Minion.Tests.Outbox;

/// <summary>
/// A batch publisher whose answer to each call is scripted: the script gets the call's number (from 0) and its events
/// and returns which were confirmed (or throws). Every call's events are kept, as parsed envelopes, in order.
/// </summary>
internal sealed class ScriptedBatchPublisher(Func<int, IReadOnlyList<SerializedEvent>, Task<bool[]>> script) : IEventBatchPublisher
{
    private int _calls = -1;

    public ConcurrentQueue<IReadOnlyList<EventEnvelope>> Calls { get; } = new();

    public static ScriptedBatchPublisher ConfirmingAll() => new((_, events) => Task.FromResult(Enumerable.Repeat(true, events.Count).ToArray()));

    public Task<bool[]> PublishAsync(IReadOnlyList<SerializedEvent> events, CancellationToken cancellationToken)
    {
        Calls.Enqueue(events.Select(e => CloudEventJson.Deserialize(Encoding.UTF8.GetString(e.Json.Span))).ToList());
        return script(Interlocked.Increment(ref _calls), events);
    }
}
