using EventReactor.Messaging;
using EventReactor.Messaging.Resilience;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Registry;

namespace EventReactor.Reactor.Outbox;

/// <summary>
/// Publishes the reactor's stored events to everyone else (<see cref="IEmittedEventPublisher"/>), in batches with
/// confirms, with their original ids; what the broker did not confirm is sent again until it is, and what is left at a
/// stop is published at the next start.
/// </summary>
internal sealed partial class OutboxPublisher(
    IReactorOutbox outbox,
    OutboxSignal signal,
    IEmittedEventPublisher publisher,
    ResiliencePipelineProvider<string> pipelines,
    ILogger<OutboxPublisher> logger) : BackgroundService
{
    private const int BatchSize = 512;
    private readonly ResiliencePipeline _untilConfirmed = pipelines.GetPipeline(ResiliencePipelineNames.DirectPublish);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var cursor = 0L;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var batch = await outbox.ReadToPublishAsync(cursor, BatchSize, stoppingToken);
                cursor = OutboxCursor.Next(batch, BatchSize);
                if (batch.Count == 0)
                {
                    await signal.WaitToPublishAsync(Timeout.InfiniteTimeSpan, stoppingToken);
                    continue;
                }

                await PublishUntilConfirmedAsync(batch, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Unconfirmed events stay stored and go out at the next start.
        }
    }

    private async Task PublishUntilConfirmedAsync(IReadOnlyList<OutboxEvent> batch, CancellationToken stoppingToken)
    {
        IReadOnlyList<OutboxEvent> remaining = batch;
        var hooks = new RetryHooks
        {
            Incomplete = static confirmedAll => confirmedAll is false,
            OnRetry = (failure, delay) => LogWaiting(logger, remaining.Count, failure?.GetBaseException().Message ?? "not confirmed", delay.TotalMilliseconds),
        };
        await _untilConfirmed.RunAsync(
            async token =>
            {
                var confirmed = await publisher.PublishAsync([.. remaining.Select(e => new SerializedEvent(e.Id, e.Tag, e.Json))], token);
                var done = new List<long>(remaining.Count);
                var again = new List<OutboxEvent>();
                for (var i = 0; i < remaining.Count; i++)
                {
                    if (confirmed[i])
                    {
                        done.Add(remaining[i].Sequence);
                    }
                    else
                    {
                        again.Add(remaining[i]);
                    }
                }

                await outbox.MarkPublishedAsync(done, CancellationToken.None);
                remaining = again;
                return again.Count == 0;
            },
            hooks,
            stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing {Count} of the reactor's own events waits for the broker ({Reason}); next try in {DelayMs} ms")]
    private static partial void LogWaiting(ILogger logger, int count, string reason, double delayMs);
}
