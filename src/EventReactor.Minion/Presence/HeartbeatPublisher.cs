using Microsoft.Extensions.DependencyInjection;
using EventReactor.Messaging;
using EventReactor.Minion.Inventory;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventReactor.Minion.Presence;

/// <summary>Publishes <c>minion/&lt;id&gt;/heartbeat</c> every <c>Minion:HeartbeatInterval</c>.</summary>
internal sealed partial class HeartbeatPublisher(
    [FromKeyedServices(MinionServiceKeys.Outbox)] IEventPublisher publisher,
    IInventoryService inventory,
    StartAnnouncement startAnnouncement,
    IOptions<MinionOptions> options,
    ILogger<HeartbeatPublisher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minion = options.Value;
        long sequence = 0;
        try
        {
            await startAnnouncement.WaitAsync(stoppingToken);
            using var timer = new PeriodicTimer(minion.HeartbeatInterval);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var summary = inventory.Current is { } grains ? GrainsSummary.From(grains) : null;
                var beat = PresenceEvents.Heartbeat(minion.Id, minion.HeartbeatInterval, ++sequence, summary);
                try
                {
                    await publisher.PublishAsync(beat, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A late beat is worse than none: the next one is due in one interval, so do not retry.
                    LogBeatFailed(logger, beat.Tag, ex.GetBaseException().Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish {Tag}: {Reason}; the next beat follows at the interval")]
    private static partial void LogBeatFailed(ILogger logger, string tag, string reason);
}
