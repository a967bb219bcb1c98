using EventReactor.Contracts;
using EventReactor.Reactor.Broker;
using EventReactor.Reactor.Streaming;

namespace EventReactor.Reactor.Processing;

/// <summary>
/// What happens to every event the reactor sees, from its queue or from its own outbox: watchers see it (on the in-memory
/// bus; on RabbitMQ they follow <c>eventreactor.all</c> through <see cref="EventStreamFeedConsumer"/>), the state that
/// follows events (<see cref="IEventObserver"/>) is updated, then the rules act on it.
/// </summary>
/// <remarks>An event whose sender may not speak for the minion it names (<see cref="IEventIdentityCheck"/>) is still streamed, but no state follows it: a forged return or heartbeat must not count.</remarks>
internal sealed class EventPipeline(EventStreamHub stream, IEnumerable<IEventObserver> observers, IEventIdentityCheck identity, EventProcessor processor)
{
    public async Task HandleAsync(EventEnvelope envelope, EventSender sender, CancellationToken cancellationToken)
    {
        stream.Publish(envelope, EventStreamSource.Processed);
        if (identity.RejectedReason(envelope, sender) is null)
        {
            foreach (var observer in observers)
            {
                await observer.ObserveAsync(envelope, cancellationToken);
            }
        }

        await processor.ProcessAsync(envelope, sender, cancellationToken);
    }
}
