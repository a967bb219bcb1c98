using EventReactor.Contracts;
using EventReactor.Messaging;
using EventReactor.Reactor.Streaming;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EventReactor.Reactor.Processing;

/// <summary>
/// The reactor's receive endpoints. In memory (<c>up</c>): one queue, as ever. On RabbitMQ: the partition queues
/// (<see cref="PartitionConsumers"/>), and while anyone watches, a temporary queue on
/// <see cref="EventBusNames.AllExchange"/> that feeds live watchers with every event, whichever reactor processed it
/// (<see cref="BusStreamFeed"/>, docs/scale-out.md).
/// </summary>
internal static class ReactorBusRegistration
{
    public static void Add(WebApplicationBuilder builder)
    {
        var bus = builder.Configuration.GetSection(BusOptions.Section).Get<BusOptions>() ?? new BusOptions();
        if (bus.InMemory)
        {
            builder.Services.AddSingleton<IStreamFeed, ProcessedStreamFeed>();
            builder.AddEventBusPart(registration => registration.AddConsumer<EventConsumer>().Endpoint(endpoint =>
            {
                endpoint.Name = EventBusNames.ReactorQueue;
                endpoint.ConcurrentMessageLimit = bus.ConcurrentMessageLimit;
                endpoint.PrefetchCount = bus.PrefetchCount;
            }));
            return;
        }

        // The partition queues are connected by PartitionConsumers once the bus runs, so that it can hand one back; the
        // live watchers' queue by BusStreamFeed while anyone watches.
        builder.Services.AddSingleton<IStreamFeed, BusStreamFeed>();
        builder.AddEventBusPart(registration =>
        {
            registration.AddConsumer<EventConsumer>().ExcludeFromConfigureEndpoints();
            registration.AddConsumer<EventStreamFeedConsumer>().ExcludeFromConfigureEndpoints();
        });
        builder.AddRabbitMqEndpoints((context, cfg) => cfg.ConnectBusObserver(context.GetRequiredService<BusStarted>()));
    }
}
