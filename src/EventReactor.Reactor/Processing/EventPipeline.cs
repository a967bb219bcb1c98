using EventReactor.Contracts;
using EventReactor.Reactor.Streaming;

namespace EventReactor.Reactor.Processing;

/// <summary>
/// What happens to every event the reactor sees, from its queue or from its own outbox: watchers see it, the state that
/// follows events (<see cref="IEventObserver"/>) is updated, then the rules act on it.
/// </summary>
internal sealed class EventPipeline(EventStreamHub stream, IEnumerable<IEventObserver> observers, EventProcessor processor)
{
    public async Task HandleAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        stream.Publish(envelope);
        foreach (var observer in observers)
        {
            await observer.ObserveAsync(envelope, cancellationToken);
        }

        await processor.ProcessAsync(envelope, cancellationToken);
    }
}
