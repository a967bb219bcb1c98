using EventReactor.Messaging;

namespace EventReactor.Reactor.Tests.Outbox;

/// <summary>A broker that leaves the last event of its first batch unconfirmed, then confirms everything; it notes every id sent.</summary>
internal sealed class PartlyConfirmingPublisher : IEmittedEventPublisher
{
    private int _calls;

    public List<string> Sent { get; } = [];

    public Task<bool[]> PublishAsync(IReadOnlyList<SerializedEvent> events, CancellationToken cancellationToken)
    {
        lock (Sent)
        {
            Sent.AddRange(events.Select(e => e.Id));
        }

        var first = Interlocked.Increment(ref _calls) == 1;
        return Task.FromResult(events.Select((_, i) => !first || i < events.Count - 1).ToArray());
    }
}
