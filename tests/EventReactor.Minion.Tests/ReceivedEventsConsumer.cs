using EventReactor.Contracts;
using MassTransit;

namespace EventReactor.Minion.Tests;

/// <summary>Stands in for the reactor: keeps every event the bus delivers.</summary>
internal sealed class ReceivedEventsConsumer(ReceivedEvents received) : IConsumer<EventEnvelope>
{
    public Task Consume(ConsumeContext<EventEnvelope> context)
    {
        received.Add(context.Message);
        return Task.CompletedTask;
    }
}
