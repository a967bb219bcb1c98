using EventReactor.Contracts.Minions;
using EventReactor.Messaging.Resilience;
using EventReactor.Minion.Outbox;
using EventReactor.Minion.Presence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Registry;

namespace EventReactor.Minion.Inventory;

/// <summary>
/// At start: collects the grains, publishes <c>minion/&lt;id&gt;/start</c> with their summary, then
/// <c>minion/&lt;id&gt;/inventory</c>. Then collects every <c>Minion:InventoryInterval</c> and publishes on change.
/// </summary>
internal sealed partial class InventoryPublisher(
    InventoryService inventory,
    IMinionOutbox outbox,
    StartAnnouncement startAnnouncement,
    ResiliencePipelineProvider<string> pipelines,
    IOptions<MinionOptions> options,
    ILogger<InventoryPublisher> logger) : BackgroundService
{
    private readonly ResiliencePipeline _announce = pipelines.GetPipeline(ResiliencePipelineNames.MinionAnnounce);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minion = options.Value;
        try
        {
            var grains = await inventory.CollectAsync(stoppingToken);
            LogCollected(logger, grains.Cpu.Model, grains.Gpus.Count, grains.Accelerators.Count, grains.Warnings.Count);
            var start = PresenceEvents.Start(minion.Id, minion.HeartbeatInterval, GrainsSummary.From(grains));
            await RetryAsync(token => outbox.AppendAsync(start, token), start.Tag, stoppingToken);
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
        var hooks = new RetryHooks
        {
            Transient = static failure => failure is not OperationCanceledException,
            OnRetry = (failure, delay) => LogPublishFailed(logger, tag, failure!.GetBaseException().Message, delay.TotalSeconds),
        };
        await _announce.RunAsync(token => new ValueTask(publish(token)), hooks, stoppingToken);
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
