using EventReactor.Contracts;
using EventReactor.Reactor.Streaming;
using System.Diagnostics;
using EventReactor.Messaging;
using EventReactor.Messaging.Telemetry;
using MassTransit;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Processing;

/// <summary>Receives every event on the bus: shows it to stream watchers, updates the state that follows it, then reacts to it.</summary>
internal sealed class EventConsumer(
    EventStreamHub stream,
    IEnumerable<IEventObserver> observers,
    EventProcessor processor,
    IOptions<BusOptions> bus) : IConsumer<EventEnvelope>
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
        EventReactorTelemetry.EventsReceived.Add(1, EventReactorTelemetry.TagPrefix(context.Message.Tag));
        stream.Publish(context.Message);
        foreach (var observer in observers)
        {
            await observer.ObserveAsync(context.Message, context.CancellationToken);
        }

        await processor.ProcessAsync(context.Message, context.CancellationToken);
    }
}
