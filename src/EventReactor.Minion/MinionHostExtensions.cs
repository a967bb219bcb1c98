using EventReactor.Contracts;
using EventReactor.Messaging;
using EventReactor.Minion.Commands;
using EventReactor.Minion.Commands.Functions;
using EventReactor.Minion.Docker;
using EventReactor.Minion.Health;
using EventReactor.Minion.Inventory;
using EventReactor.Minion.Metrics;
using EventReactor.Minion.Outbox;
using EventReactor.Minion.Presence;
using EventReactor.Minion.Storage;
using EventReactor.Minion.Trust;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EventReactor.Minion;

public static class MinionHostExtensions
{
    /// <summary>
    /// Adds the minion agent: it watches the local Docker engine, reports inventory and heartbeats, runs commands, and
    /// publishes everything through an on-disk outbox in <c>Minion:DataPath</c>, so that nothing is lost while the broker is away.
    /// </summary>
    public static IHostApplicationBuilder AddMinion(this IHostApplicationBuilder builder)
    {
        builder.AddMinionOutbox();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<DockerClientFactory>();
        builder.Services.AddSingleton<ContainerStateStore>();
        builder.Services.AddSingleton<ContainerEventEmitter>();
        if (builder.Configuration.GetSection(MinionOptions.Section).Get<MinionOptions>()?.WatchDocker ?? true)
        {
            builder.Services.AddHostedService<DockerEventWatcher>();
        }

        builder.Services.AddHostedService<OutboxDepthGauge>();
        builder.Services.AddHealthChecks().AddCheck<OutboxHealthCheck>("outbox");
        builder.Services.AddSingleton<IValidateOptions<MinionOptions>, MetricsOptionsValidator>();
        builder.Services.AddSingleton<MetricsSampler>();
        builder.Services.AddHostedService<MetricsSamplerService>();
        builder.Services.AddHostedService<HostSamplingService>();
        AddCommands(builder);
        builder.Services.AddMinionInventory();
        builder.Services.AddMinionPresence();
        return builder;
    }

    /// <summary>
    /// The minion's publishing path alone: options, <c>minion.db</c>, the outbox and its drainer, and the minion's
    /// retry pipelines. <see cref="AddMinion"/> uses it; the end-to-end benchmark uses it to play minions without a
    /// Docker engine.
    /// </summary>
    public static IHostApplicationBuilder AddMinionOutbox(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MinionOptions>().BindConfiguration(MinionOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<MinionOptions>, MinionOptionsValidator>();
        builder.Services.AddSingleton(services => MinionDatabase.Open(services.GetRequiredService<IOptions<MinionOptions>>().Value.ResolveDataPath()));
        builder.Services.AddSingleton(services => new OutboxStore(services.GetRequiredService<MinionDatabase>(), services.GetRequiredService<IOptions<MinionOptions>>().Value.Outbox.MaxEvents));
        builder.Services.AddSingleton<OutboxSignal>();

        builder.Services.AddMinionResilience();

        // Everything the minion produces goes through IMinionOutbox; only the drainer takes the bus's IEventPublisher.
        builder.Services.AddSingleton<IMinionOutbox, OutboxEventPublisher>();
        builder.Services.AddSingleton<OutboxDrainer>();
        builder.Services.AddHostedService(services => services.GetRequiredService<OutboxDrainer>());
        return builder;
    }

    private static void AddCommands(IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MinionPolicy>().BindConfiguration($"{MinionOptions.Section}:Policy").ValidateOnStart();
        builder.Services.AddSingleton<IConfigureOptions<MinionPolicy>, PolicyFileLoader>();
        builder.Services.AddSingleton<IPostConfigureOptions<MinionPolicy>, PolicyDefaults>();
        builder.Services.AddSingleton<IValidateOptions<MinionPolicy>, MinionPolicyValidator>();
        builder.Services.AddSingleton<PolicyChecker>();
        builder.Services.AddSingleton<IMinionFunction, TestPingFunction>();
        builder.Services.AddSingleton<IMinionFunction, ContainerRunFunction>();
        builder.Services.AddSingleton<IMinionFunction>(services => new ContainerSignalFunction(services.GetRequiredService<DockerClientFactory>(), kill: false));
        builder.Services.AddSingleton<IMinionFunction>(services => new ContainerSignalFunction(services.GetRequiredService<DockerClientFactory>(), kill: true));
        builder.Services.AddSingleton<IMinionFunction, ContainerLogsFunction>();
        builder.Services.AddSingleton<IMinionFunction, ImagePullFunction>();
        builder.Services.AddSingleton<IMinionFunction, InventoryRefreshFunction>();
        builder.Services.AddSingleton<IMinionFunction, MetricsStartFunction>();
        builder.Services.AddSingleton<IMinionFunction, MetricsStopFunction>();
        builder.Services.AddScoped<CommandDispatcher>();
        builder.Services.AddSingleton<MinionIdentity>();
        builder.Services.AddSingleton<MinionBrokerCredential>();
        builder.Services.AddSingleton<IBusIdentity>(services => services.GetRequiredService<MinionBrokerCredential>());
        builder.Services.AddSingleton<ReplayCache>();
        builder.Services.AddSingleton<ICommandVerifier, CommandVerifier>();
        builder.Services.AddHostedService<MinionEnrollment>();

        // Each minion consumes its own queue; the id is known from configuration before the host is built.
        var id = builder.Configuration.GetSection(MinionOptions.Section).Get<MinionOptions>()?.Id ?? new MinionOptions().Id;
        builder.AddEventBusPart(bus => bus.AddConsumer<MinionCommandConsumer>().Endpoint(endpoint =>
        {
            endpoint.Name = MinionCommand.QueueName(id);

            // Only its queue and the exchange of the same name, where the reactor sends: no message-type exchange, which
            // a least-privilege broker user (issue #14) may not declare, and through which a publish of that type would reach every minion.
            endpoint.ConfigureConsumeTopology = false;

            // A long container.run with wait must not hold up a ping; a few at a time, as Salt minions do.
            endpoint.ConcurrentMessageLimit = 8;
        }));
    }
}
