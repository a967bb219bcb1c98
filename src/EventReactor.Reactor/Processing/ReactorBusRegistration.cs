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
/// (<see cref="PartitionConsumers"/>), and a temporary queue on <see cref="EventBusNames.AllExchange"/> that feeds
/// live watchers with every event, whichever reactor processed it (docs/scale-out.md).
/// </summary>
internal static class ReactorBusRegistration
{
    // A watcher loses its oldest events rather than the broker keeping an unbounded backlog for a stalled reactor.
    private const int StreamQueueMaxLength = 10_000;

    public static void Add(WebApplicationBuilder builder)
    {
        var bus = builder.Configuration.GetSection(BusOptions.Section).Get<BusOptions>() ?? new BusOptions();
        if (bus.InMemory)
        {
            builder.AddEventBusPart(registration => registration.AddConsumer<EventConsumer>().Endpoint(endpoint =>
            {
                endpoint.Name = EventBusNames.ReactorQueue;
                endpoint.ConcurrentMessageLimit = bus.ConcurrentMessageLimit;
                endpoint.PrefetchCount = bus.PrefetchCount;
            }));
            return;
        }

        // The partition queues are connected by PartitionConsumers once the bus runs, so that it can hand one back.
        builder.AddEventBusPart(registration =>
        {
            registration.AddConsumer<EventConsumer>().ExcludeFromConfigureEndpoints();
            registration.AddConsumer<EventStreamFeedConsumer>().ExcludeFromConfigureEndpoints();
        });
        builder.AddRabbitMqEndpoints((context, cfg) =>
        {
            cfg.ConnectBusObserver(context.GetRequiredService<BusStarted>());
            cfg.ReceiveEndpoint(new TemporaryEndpointDefinition("stream"), endpoint => ConfigureStreamFeed(endpoint, context));
        });
    }

    private static void ConfigureStreamFeed(IRabbitMqReceiveEndpointConfigurator endpoint, IBusRegistrationContext context)
    {
        endpoint.ConfigureConsumeTopology = false;
        endpoint.Bind(EventBusNames.AllExchange, binding =>
        {
            binding.ExchangeType = RabbitMQ.Client.ExchangeType.Topic;
            binding.RoutingKey = EventBusNames.EveryKey;
        });
        endpoint.SetQueueArgument("x-max-length", StreamQueueMaxLength);

        // In order, as watchers expect; a message that is not an event is dropped here (the reactor's queue reports it).
        endpoint.ConcurrentMessageLimit = 1;
        endpoint.PrefetchCount = 512;
        endpoint.DiscardFaultedMessages();
        endpoint.DiscardSkippedMessages();
        endpoint.ConfigureConsumer<EventStreamFeedConsumer>(context);
    }
}
