using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EventReactor.Minion.Presence;

internal static class PresenceServiceCollectionExtensions
{
    /// <summary>Heartbeats; <c>minion/&lt;id&gt;/start</c> is published by the inventory publisher, before the first inventory.</summary>
    public static IServiceCollection AddMinionPresence(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<MinionOptions>, PresenceOptionsValidator>();
        services.AddSingleton<StartAnnouncement>();
        services.AddHostedService<HeartbeatPublisher>();
        return services;
    }
}
