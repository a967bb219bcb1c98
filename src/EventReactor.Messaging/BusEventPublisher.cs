using EventReactor.Contracts;
using EventReactor.Messaging.Telemetry;
using MassTransit;

namespace EventReactor.Messaging;

/// <summary>Publishes through MassTransit's in-memory bus (<c>up</c>), the one transport without a raw client.</summary>
internal sealed class BusEventPublisher(IBus bus) : IEventPublisher
{
    public Task PublishAsync(EventEnvelope envelope, CancellationToken cancellationToken) =>
        PublishStampedAsync(EventReactorTelemetry.Stamp(envelope), cancellationToken);

    private Task PublishStampedAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        EventReactorTelemetry.EventsPublished.Add(1, EventReactorTelemetry.TagPrefix(envelope.Tag));
        return bus.Publish(envelope, context => context.MessageId = Guid.TryParse(envelope.Id, out var id) ? id : null, cancellationToken);
    }
}
