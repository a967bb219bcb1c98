using EventReactor.Minion.Inventory;
using EventReactor.Minion.Outbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventReactor.Minion.Presence;

/// <summary>Publishes <c>minion/&lt;id&gt;/heartbeat</c> every <c>Minion:HeartbeatInterval</c>, and <c>stop</c> on a graceful shutdown.</summary>
internal sealed partial class HeartbeatPublisher(
    IMinionOutbox outbox,
    OutboxDrainer drainer,
    IInventoryService inventory,
    StartAnnouncement startAnnouncement,
    IOptions<MinionOptions> options,
    ILogger<HeartbeatPublisher> logger) : BackgroundService, IHostedLifecycleService
{
    private static readonly TimeSpan StopPublishTimeout = TimeSpan.FromSeconds(3);

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
                    await outbox.AppendAsync(beat, stoppingToken);
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

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // Stopping runs before any hosted service stops, so the bus still carries the goodbye. The drainer sends it
    // straight to the bus, not through the outbox, which may not drain again before the process ends; a lost goodbye
    // only means the reactor notices three heartbeats later.
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(StopPublishTimeout);
        var goodbye = PresenceEvents.Stop(options.Value.Id);
        try
        {
            await drainer.PublishFinalAsync(goodbye, deadline.Token);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogBeatFailed(logger, goodbye.Tag, ex.GetBaseException().Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish {Tag}: {Reason}; the next beat follows at the interval")]
    private static partial void LogBeatFailed(ILogger logger, string tag, string reason);
}
