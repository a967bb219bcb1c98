using EventReactor.Contracts;
using EventReactor.Reactor.Streaming;
using MassTransit;

namespace EventReactor.Reactor.Processing;

/// <summary>Receives every event on the bus: shows it to stream watchers, then reacts to it.</summary>
internal sealed class EventConsumer(EventStreamHub stream, EventProcessor processor) : IConsumer<EventEnvelope>
{
    public async Task Consume(ConsumeContext<EventEnvelope> context)
    {
        stream.Publish(context.Message);
        await processor.ProcessAsync(context.Message, context.CancellationToken);
    }
}
