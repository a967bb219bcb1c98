using EventReactor.Contracts;

namespace EventReactor.Messaging;

/// <summary>Publishes events on the bus; returns once the broker has accepted them.</summary>
public interface IEventPublisher
{
    Task PublishAsync(EventEnvelope envelope, CancellationToken cancellationToken);
}
