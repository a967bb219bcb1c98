using EventReactor.Contracts;
using MassTransit;

namespace EventReactor.Reactor.Streaming;

/// <summary>
/// Feeds live watchers from this reactor's temporary queue on <c>eventreactor.all</c>: every event on the bus, the ones
/// other reactors processed and emitted included.
/// </summary>
internal sealed class EventStreamFeedConsumer(EventStreamHub hub) : IConsumer<EventEnvelope>
{
    public Task Consume(ConsumeContext<EventEnvelope> context)
    {
        hub.Publish(context.Message, EventStreamSource.Bus);
        return Task.CompletedTask;
    }
}
