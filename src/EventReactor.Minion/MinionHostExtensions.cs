using EventReactor.Minion.Docker;
using EventReactor.Minion.Inventory;
using EventReactor.Minion.Presence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EventReactor.Minion;

public static class MinionHostExtensions
{
    /// <summary>Adds the minion agent: it watches the local Docker engine and publishes container events, inventory and heartbeats.</summary>
    public static IHostApplicationBuilder AddMinion(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MinionOptions>().BindConfiguration(MinionOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<MinionOptions>, MinionOptionsValidator>();
        builder.Services.AddSingleton<DockerClientFactory>();
        builder.Services.AddHostedService<DockerEventWatcher>();
        builder.Services.AddMinionInventory();
        builder.Services.AddMinionPresence();
        return builder;
    }
}
