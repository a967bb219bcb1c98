using EventReactor.Messaging.Direct;
using EventReactor.Messaging.Resilience;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EventReactor.Messaging;

public static class EventBusExtensions
{
    /// <summary>Adds consumers or other registrations of one part of the process to the shared bus; before or after <see cref="AddEventBus"/>.</summary>
    public static IHostApplicationBuilder AddEventBusPart(this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator> registration)
    {
        builder.Services.AddSingleton(new EventBusPart(registration));
        return builder;
    }

    /// <summary>
    /// Adds receive endpoints that one part configures itself on RabbitMQ (ignored on the in-memory bus), before or after
    /// <see cref="AddEventBus"/>.
    /// </summary>
    public static IHostApplicationBuilder AddRabbitMqEndpoints(this IHostApplicationBuilder builder, Action<IBusRegistrationContext, IRabbitMqBusFactoryConfigurator> configure)
    {
        builder.Services.AddSingleton(new RabbitMqEndpointsPart(configure));
        return builder;
    }

    /// <summary>
    /// Wires the bus (in-memory or RabbitMQ, from <c>Bus:Url</c>) with every part the host holds when it is built, in
    /// any order; a second call changes nothing.
    /// </summary>
    public static IHostApplicationBuilder AddEventBus(this IHostApplicationBuilder builder)
    {
        if (builder.Services.Any(d => d.ServiceType == typeof(EventBusServiceProviderFactory)))
        {
            return builder;
        }

        builder.Services.AddOptions<BusOptions>().BindConfiguration(BusOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<BusOptions>, BusOptionsValidator>();
        builder.Services.AddEventReactorResilience();

        // The transport is chosen at registration time; a bad URL is reported by the validator at start.
        var configured = builder.Configuration.GetSection(BusOptions.Section).Get<BusOptions>() ?? new BusOptions();
        var inMemory = configured.InMemory;
        // One publish path per transport: RabbitMQ.Client with confirms on RabbitMQ, MassTransit's only in memory.
        if (!inMemory)
        {
            builder.Services.AddSingleton<IDirectPublishChannel, DirectPublishChannel>();
            // Registered by type (stateless; the channel is shared), so that a harness can decorate each interface.
            builder.Services.AddSingleton<IEventPublisher, DirectEventPublisher>();
            builder.Services.AddSingleton<IEventBatchPublisher, DirectEventPublisher>();
            builder.Services.AddSingleton<IEmittedEventPublisher, DirectEventPublisher>();
        }
        else
        {
            builder.Services.AddSingleton<IEventPublisher, BusEventPublisher>();
            builder.Services.AddSingleton<IEmittedEventPublisher, LocalEmittedEventPublisher>();
        }

        // As the host's defaults: scopes and the whole graph are validated in Development.
        var development = builder.Environment.IsDevelopment();
        var factory = new EventBusServiceProviderFactory(inMemory, new ServiceProviderOptions { ValidateScopes = development, ValidateOnBuild = development });
        builder.ConfigureContainer(factory);

        // Also held as a service, so that a second call finds the bus already added.
        builder.Services.AddSingleton(factory);
        return builder;
    }
}
