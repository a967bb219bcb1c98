using EventReactor.Contracts;
using MassTransit;

namespace EventReactor.Messaging;

internal sealed class BusEventPublisher(IBus bus) : IEventPublisher
{
    public Task PublishAsync(EventEnvelope envelope, CancellationToken cancellationToken) =>
        bus.Publish(envelope, context => context.MessageId = Guid.TryParse(envelope.Id, out var id) ? id : null, cancellationToken);
}
