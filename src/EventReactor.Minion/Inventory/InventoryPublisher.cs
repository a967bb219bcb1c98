using Microsoft.Extensions.DependencyInjection;
using EventReactor.Contracts.Minions;
using EventReactor.Messaging;
using EventReactor.Minion.Presence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventReactor.Minion.Inventory;

/// <summary>
/// At start: collects the grains, publishes <c>minion/&lt;id&gt;/start</c> with their summary, then
/// <c>minion/&lt;id&gt;/inventory</c>. Then collects every <c>Minion:InventoryInterval</c> and publishes on change.
/// </summary>
internal sealed partial class InventoryPublisher(
    InventoryService inventory,
    [FromKeyedServices(MinionServiceKeys.Outbox)] IEventPublisher publisher,
    StartAnnouncement startAnnouncement,
    IOptions<MinionOptions> options,
    ILogger<InventoryPublisher> logger) : BackgroundService
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minion = options.Value;
        try
        {
            var grains = await inventory.CollectAsync(stoppingToken);
            LogCollected(logger, grains.Cpu.Model, grains.Gpus.Count, grains.Accelerators.Count, grains.Warnings.Count);
            var start = PresenceEvents.Start(minion.Id, minion.HeartbeatInterval, GrainsSummary.From(grains));
            await RetryAsync(token => publisher.PublishAsync(start, token), start.Tag, stoppingToken);
            startAnnouncement.MarkPublished();
            await RetryAsync(token => inventory.PublishAsync(grains, token), MinionTags.Inventory(minion.Id), stoppingToken);

            using var timer = new PeriodicTimer(minion.InventoryInterval);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    if (await inventory.RefreshIfChangedAsync(stoppingToken))
                    {
                        LogChanged(logger);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogRefreshFailed(logger, ex.GetBaseException().Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    // start must not be lost: the reactor learns of the minion from it. Retry with backoff until it is accepted.
    private async Task RetryAsync(Func<CancellationToken, Task> publish, string tag, CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(500);
        while (true)
        {
            try
            {
                await publish(stoppingToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPublishFailed(logger, tag, ex.GetBaseException().Message, delay.TotalSeconds);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Inventory collected: CPU {CpuModel}, {GpuCount} GPU(s), {AcceleratorCount} accelerator(s), {WarningCount} warning(s)")]
    private static partial void LogCollected(ILogger logger, string? cpuModel, int gpuCount, int acceleratorCount, int warningCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inventory changed; published it again")]
    private static partial void LogChanged(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not refresh the inventory: {Reason}; trying again at the next interval")]
    private static partial void LogRefreshFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish {Tag}: {Reason}; retrying in {DelaySeconds}s")]
    private static partial void LogPublishFailed(ILogger logger, string tag, string reason, double delaySeconds);
}
