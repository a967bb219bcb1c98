using EventReactor.Messaging.Resilience;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EventReactor.Minion;

/// <summary>The minion's named pipelines (<see cref="ResiliencePipelineNames"/>), with the waits they had as hand-written loops.</summary>
internal static class MinionResilienceExtensions
{
    public static IServiceCollection AddMinionResilience(this IServiceCollection services)
    {
        services.AddEventReactorResilience();
        services.AddForeverRetry(ResiliencePipelineNames.OutboxDrain, provider =>
        {
            var outbox = provider.GetRequiredService<IOptions<MinionOptions>>().Value.Outbox;
            return (outbox.RetryDelay, outbox.RetryMaxDelay, outbox.PublishTimeout);
        });
        services.AddForeverRetry(ResiliencePipelineNames.OutboxAppend, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10));
        services.AddForeverRetry(ResiliencePipelineNames.MinionAnnounce, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30));
        services.AddForeverRetry(ResiliencePipelineNames.MinionEnroll, provider =>
        {
            var interval = provider.GetRequiredService<IOptions<MinionOptions>>().Value.EnrollPollInterval;
            return (TimeSpan.FromMilliseconds(Math.Min(500, interval.TotalMilliseconds)), interval, null);
        });
        services.AddForeverRetry(ResiliencePipelineNames.DockerConnect, provider =>
        {
            var minion = provider.GetRequiredService<IOptions<MinionOptions>>().Value;
            return (minion.ReconnectDelay, minion.ReconnectMaxDelay, null);
        });
        services.AddForeverRetry(ResiliencePipelineNames.DockerResume, provider =>
        {
            var minion = provider.GetRequiredService<IOptions<MinionOptions>>().Value;
            return (minion.ReconnectDelay, minion.ReconnectDelay, null);
        });
        return services;
    }
}
