using EventReactor.Contracts;
using MassTransit;
using RabbitMQ.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EventReactor.Messaging;

/// <summary>
/// Registers MassTransit once, when the host builds its service provider: by then every <see cref="EventBusPart"/> is in
/// the collection, whichever order the parts and <see cref="EventBusExtensions.AddEventBus"/> were added in.
/// </summary>
internal sealed class EventBusServiceProviderFactory(bool inMemory, ServiceProviderOptions providerOptions) : IServiceProviderFactory<IServiceCollection>
{
    public IServiceCollection CreateBuilder(IServiceCollection services)
    {
        var parts = services.Where(d => d.ServiceType == typeof(EventBusPart) && !d.IsKeyedService).Select(d => (EventBusPart)d.ImplementationInstance!).ToList();
        var rabbitEndpoints = services.Where(d => d.ServiceType == typeof(RabbitMqEndpointsPart) && !d.IsKeyedService).Select(d => (RabbitMqEndpointsPart)d.ImplementationInstance!).ToList();
        services.AddMassTransit(bus =>
        {
            // MassTransit would report its configuration to masstransit.io a few minutes after start: lab hosts are often
            // offline (a warning in every log) and nothing should leave them unasked; the report's HTTP and TLS stack
            // also added about 8 MB to each minion's RSS (the soak's step at minute 5, docs/performance.md).
            bus.DisableUsageTelemetry();
            foreach (var part in parts)
            {
                part.Registration(bus);
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
                    var options = context.GetRequiredService<IOptions<BusOptions>>().Value;
                    var address = BusAddress.Parse(options.Url);
                    var identity = BusIdentitySource.Single(context.GetServices<IBusIdentity>());
                    cfg.Host(address.Host, address.Port, address.VirtualHost, host =>
                    {
                        host.Username(address.Username);
                        host.Password(address.Password);

                        // Asked at every connection: a minion's own account, once it has one, replaces the URL's.
                        host.CredentialsProvider = new BusCredentialsProvider(address, identity);
                        host.ConnectionName("eventreactor");
                        if (options.Heartbeat is { } heartbeat)
                        {
                            host.Heartbeat(heartbeat);
                        }

                        // Several nodes of one cluster: MassTransit connects to the first that answers and moves on
                        // to the next when it loses one.
                        if (address.Nodes.Count > 1)
                        {
                            host.UseCluster(cluster =>
                            {
                                foreach (var node in address.Nodes)
                                {
                                    cluster.Node(node.ToString());
                                }
                            });
                        }

                        if (address.Tls)
                        {
                            host.UseSsl(ssl =>
                            {
                                ssl.ServerName = address.Host;
                                ssl.CertificateValidationCallback = CertificateTrust.Validator(options.Tls.CaFile);
                                ssl.Certificate = CertificateTrust.LoadPair(options.Tls.CertificateFile, options.Tls.KeyFile);
                            });
                        }
                    });
                    if (identity?.BusEndpointName is { } busEndpoint)
                    {
                        // MassTransit's own temporary endpoint, under a name a least-privilege account may declare.
                        cfg.OverrideDefaultBusEndpointQueueName(busEndpoint);
                    }

                    ConfigureSerialization(cfg);

                    // Declared by us as a topic exchange (BusTopology); MassTransit must declare it the same way.
                    cfg.Publish<EventEnvelope>(publish => publish.ExchangeType = ExchangeType.Topic);
                    cfg.Send<EventEnvelope>(send => send.UseRoutingKeyFormatter(message => RoutingKeys.FromTag(message.Message.Tag)));
                    cfg.SendTopology.ErrorQueueNameFormatter = new PartitionErrorQueueNameFormatter();

                    // MassTransit copies a queue's arguments to its error queue; the partitions' quorum and single-consumer
                    // ones must not reach the classic eventreactor.reactor_error (the broker refuses the declaration).
                    cfg.SendTopology.ConfigureErrorSettings = settings =>
                    {
                        foreach (var key in BusTopology.PartitionQueueArguments.Keys)
                        {
                            settings.SetQueueArgument(key, null);
                        }
                    };
                    foreach (var endpoints in rabbitEndpoints)
                    {
                        endpoints.Configure(context, cfg);
                    }

                    cfg.ConfigureEndpoints(context);
                });
            }
        });
        services.AddOptions<MassTransitHostOptions>().Configure(options =>
        {
            options.WaitUntilStarted = false;
            options.StopTimeout = TimeSpan.FromSeconds(10);
        });
        return services;
    }

    public IServiceProvider CreateServiceProvider(IServiceCollection containerBuilder) => containerBuilder.BuildServiceProvider(providerOptions);

    // Events travel as plain CloudEvents JSON so that any AMQP client can publish and follow them.
    private static void ConfigureSerialization(IBusFactoryConfigurator cfg)
    {
        cfg.ClearSerialization();
        cfg.UseRawJsonSerializer(RawSerializerOptions.AnyMessageType | RawSerializerOptions.AddTransportHeaders | RawSerializerOptions.CopyHeaders, isDefault: true);
        cfg.Message<EventEnvelope>(message => message.SetEntityName(EventBusNames.EventsExchange));
    }
}
