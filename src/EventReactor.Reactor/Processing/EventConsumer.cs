using System.Diagnostics;
using EventReactor.Contracts;
using EventReactor.Messaging;
using EventReactor.Messaging.Telemetry;
using MassTransit;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Processing;

/// <summary>Receives the events published to the bus (not the reactor's own, which its outbox chains) and hands each to the <see cref="EventPipeline"/>.</summary>
internal sealed class EventConsumer(EventPipeline pipeline, IOptions<BusOptions> bus) : IConsumer<EventEnvelope>
{
    public async Task Consume(ConsumeContext<EventEnvelope> context)
    {
        // Thrown, the message goes to the error queue with this reason, like any other bad message.
        var size = context.ReceiveContext.Body.Length ?? 0;
        if (size > bus.Value.MaxMessageBytes)
        {
            throw new InvalidDataException($"the event is {size} bytes, over the limit of {bus.Value.MaxMessageBytes} (Bus:MaxMessageBytes)");
        }

        using var span = EventReactorTelemetry.StartFrom($"event {context.Message.Tag}", ActivityKind.Consumer, context.Message.TraceParent);
        span?.SetTag(EventReactorTelemetry.MessageIdAttribute, context.Message.Id);
        EventReactorTelemetry.EventsReceived.Add(1, EventReactorTelemetry.TagPrefix(context.Message.Tag));
        // RabbitMQ refuses a message whose user_id is not its publisher's user, so it names the sender; memory has none.
        var sender = context.ReceiveContext.TryGetPayload<RabbitMqBasicConsumeContext>(out var rabbit) ? rabbit.Properties.UserId : null;
        await pipeline.HandleAsync(context.Message, EventSender.FromBus(sender), context.CancellationToken);
    }
}
