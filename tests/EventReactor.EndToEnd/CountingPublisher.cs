using EventReactor.Contracts;
using EventReactor.Messaging;

namespace EventReactor.EndToEnd;

/// <summary>
/// Wraps the reactor's bus publisher: once the broker confirmed a fired event, the counter learns of it. Counting
/// here rather than from a second queue on the fanout exchange keeps the broker's work the reactor's alone.
/// </summary>
internal sealed class CountingPublisher(IEventPublisher inner, FiredCounter counter) : IEventPublisher
{
    public async Task PublishAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        await inner.PublishAsync(envelope, cancellationToken);
        counter.Observe(envelope);
    }
}
