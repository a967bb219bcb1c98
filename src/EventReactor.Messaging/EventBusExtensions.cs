using EventReactor.Contracts;
using EventReactor.Messaging.Direct;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EventReactor.Messaging;

public static class EventBusExtensions
{
    /// <summary>Adds consumers or other registrations of one part of the process to the shared bus.</summary>
    public static IHostApplicationBuilder AddEventBusPart(this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator> registration)
    {
        Parts(builder).Registrations.Add(registration);
        return builder;
    }

    /// <summary>Wires the bus (in-memory or RabbitMQ, from <c>Bus:Url</c>) with every part added before; call it last.</summary>
    public static IHostApplicationBuilder AddEventBus(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BusOptions>().BindConfiguration(BusOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<BusOptions>, BusOptionsValidator>();

        // The transport is chosen at registration time; a bad URL is reported by the validator at start.
        var configured = builder.Configuration.GetSection(BusOptions.Section).Get<BusOptions>() ?? new BusOptions();
        var inMemory = configured.Url.StartsWith(BusAddress.MemoryScheme + ":", StringComparison.Ordinal);
        if (!inMemory && configured.DirectPublish)
        {
            builder.Services.AddSingleton<DirectPublishChannel>();
            builder.Services.AddSingleton<IEventPublisher, DirectEventPublisher>();
            builder.Services.AddSingleton<IEventBatchPublisher, DirectEventPublisher>();
        }
        else
        {
            builder.Services.AddSingleton<IEventPublisher, BusEventPublisher>();
        }

        var parts = Parts(builder);
        builder.Services.AddMassTransit(bus =>
        {
            foreach (var registration in parts.Registrations)
            {
                registration(bus);
            }

            if (inMemory)
            {
                bus.UsingInMemory((context, cfg) =>
                {
                    ConfigureSerialization(cfg);
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                bus.UsingRabbitMq((context, cfg) =>
                {
                    var address = BusAddress.Parse(context.GetRequiredService<IOptions<BusOptions>>().Value.Url);
                    cfg.Host(address.Host, address.Port, address.VirtualHost, host =>
                    {
                        host.Username(address.Username);
                        host.Password(address.Password);
                        host.ConnectionName("eventreactor");
                    });
                    ConfigureSerialization(cfg);
                    cfg.ConfigureEndpoints(context);
                });
            }
        });
        builder.Services.AddOptions<MassTransitHostOptions>().Configure(options =>
        {
            options.WaitUntilStarted = false;
            options.StopTimeout = TimeSpan.FromSeconds(10);
        });
        return builder;
    }

    // Events travel as plain CloudEvents JSON so that any AMQP client can publish and follow them.
    private static void ConfigureSerialization(IBusFactoryConfigurator cfg)
    {
        cfg.ClearSerialization();
        cfg.UseRawJsonSerializer(RawSerializerOptions.AnyMessageType | RawSerializerOptions.AddTransportHeaders | RawSerializerOptions.CopyHeaders, isDefault: true);
        cfg.Message<EventEnvelope>(message => message.SetEntityName(EventBusNames.EventsExchange));
    }

    private static EventBusParts Parts(IHostApplicationBuilder builder)
    {
        if (!builder.Properties.TryGetValue(typeof(EventBusParts), out var parts))
        {
            parts = new EventBusParts();
            builder.Properties[typeof(EventBusParts)] = parts;
        }

        return (EventBusParts)parts;
    }
}
