using EventReactor.Contracts;
using EventReactor.Messaging;
using EventReactor.Reactor.Streaming;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace EventReactor.Reactor.Processing;

/// <summary>
/// The reactor's receive endpoints. In memory (<c>up</c>): one queue, as ever. On RabbitMQ: the partition queues
/// (<see cref="EventBusNames.PartitionQueue"/>), every one consumed by every reactor and given by the broker to one of
/// them at a time (single active consumer), and a temporary queue on <see cref="EventBusNames.AllExchange"/> that feeds
/// live watchers with every event, whichever reactor processed it (docs/scale-out.md).
/// </summary>
internal static class ReactorBusRegistration
{
    // A watcher loses its oldest events rather than the broker keeping an unbounded backlog for a stalled reactor.
    private const int StreamQueueMaxLength = 10_000;

    public static void Add(WebApplicationBuilder builder)
    {
        var bus = builder.Configuration.GetSection(BusOptions.Section).Get<BusOptions>() ?? new BusOptions();
        var partitions = builder.Configuration.GetSection(ReactorOptions.Section).Get<ReactorOptions>()?.Partitions ?? ReactorOptions.DefaultPartitions;
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

        // An invalid count is reported by ReactorOptionsValidator at start; here it only must not break registration.
        partitions = Math.Clamp(partitions, 1, ReactorOptions.MaxPartitions);
        builder.AddEventBusPart(registration =>
        {
            registration.AddConsumer<EventConsumer>().ExcludeFromConfigureEndpoints();
            registration.AddConsumer<EventStreamFeedConsumer>().ExcludeFromConfigureEndpoints();
        });
        builder.AddRabbitMqEndpoints((context, cfg) =>
        {
            for (var i = 0; i < partitions; i++)
            {
                cfg.ReceiveEndpoint(EventBusNames.PartitionQueue(i), endpoint => ConfigurePartition(endpoint, context, bus, partitions));
            }

            cfg.ReceiveEndpoint(new TemporaryEndpointDefinition("stream"), endpoint => ConfigureStreamFeed(endpoint, context));
        });
    }

    private static void ConfigurePartition(IRabbitMqReceiveEndpointConfigurator endpoint, IBusRegistrationContext context, BusOptions bus, int partitions)
    {
        // TopologyDeclarer binds the queue to the partition exchange; the arguments are the same, so either declares first.
        endpoint.ConfigureConsumeTopology = false;
        foreach (var (key, value) in BusTopology.PartitionQueueArguments)
        {
            endpoint.SetQueueArgument(key, value);
        }

        // Bus:ConcurrentMessageLimit and Bus:PrefetchCount stay what one reactor holding every partition handles at once.
        endpoint.ConcurrentMessageLimit = Math.Max(1, (bus.ConcurrentMessageLimit + partitions - 1) / partitions);
        endpoint.PrefetchCount = Math.Max(1, (bus.PrefetchCount + partitions - 1) / partitions);
        endpoint.ConfigureConsumer<EventConsumer>(context);
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
