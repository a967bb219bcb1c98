using EventReactor.Messaging;
using EventReactor.Minion.Docker;
using EventReactor.Minion.Outbox;
using EventReactor.Minion.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EventReactor.Minion;

public static class MinionHostExtensions
{
    /// <summary>
    /// Adds the minion agent: it watches the local Docker engine and publishes container events through an on-disk
    /// outbox in <c>Minion:DataPath</c>, so that nothing is lost while the broker is away.
    /// </summary>
    public static IHostApplicationBuilder AddMinion(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MinionOptions>().BindConfiguration(MinionOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<MinionOptions>, MinionOptionsValidator>();
        builder.Services.AddSingleton<DockerClientFactory>();
        builder.Services.AddSingleton(services => new MinionDatabase(services.GetRequiredService<IOptions<MinionOptions>>().Value.ResolveDataPath()));
        builder.Services.AddSingleton(services => new OutboxStore(services.GetRequiredService<MinionDatabase>(), services.GetRequiredService<IOptions<MinionOptions>>().Value.Outbox.MaxEvents));
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<ContainerStateStore>();
        builder.Services.AddSingleton<ContainerEventEmitter>();

        // Everything the minion publishes goes through the outbox; the reactor's own IEventPublisher stays direct.
        builder.Services.AddKeyedSingleton<IEventPublisher, OutboxEventPublisher>(MinionServiceKeys.Outbox);
        builder.Services.AddHostedService<OutboxDrainer>();
        builder.Services.AddHostedService<DockerEventWatcher>();
        return builder;
    }
}
