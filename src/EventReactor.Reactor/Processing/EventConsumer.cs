using EventReactor.Contracts;
using EventReactor.Reactor.Streaming;
using MassTransit;

namespace EventReactor.Reactor.Processing;

/// <summary>Receives every event on the bus: shows it to stream watchers, updates the state that follows it, then reacts to it.</summary>
internal sealed class EventConsumer(EventStreamHub stream, IEnumerable<IEventObserver> observers, EventProcessor processor) : IConsumer<EventEnvelope>
{
    public async Task Consume(ConsumeContext<EventEnvelope> context)
    {
        stream.Publish(context.Message);
        foreach (var observer in observers)
        {
            await observer.ObserveAsync(context.Message, context.CancellationToken);
        }

        await processor.ProcessAsync(context.Message, context.CancellationToken);
    }
}
