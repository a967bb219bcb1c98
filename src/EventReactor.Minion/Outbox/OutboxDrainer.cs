using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Messaging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventReactor.Minion.Outbox;

/// <summary>
/// Publishes the outbox in order and deletes what the broker confirmed. A batch is spread over lanes by container
/// (or tag), so one container's events are published one after the other while different containers' go in parallel.
/// A failed or timed-out publish is retried with backoff with the same event id, so the wire is at-least-once.
/// </summary>
internal sealed partial class OutboxDrainer(
    OutboxStore store,
    OutboxSignal signal,
    IEventPublisher bus,
    IOptions<MinionOptions> options,
    ILogger<OutboxDrainer> logger) : BackgroundService
{
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);
    private volatile bool _brokerAway;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var outbox = options.Value.Outbox;
        var cursor = 0L;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var batch = store.ReadAfter(cursor, outbox.BatchSize);
                if (batch.Count == 0)
                {
                    await signal.WaitAsync(IdlePoll, stoppingToken);
                    continue;
                }

                var lanes = batch.GroupBy(entry => (LaneKey(entry.Envelope).GetHashCode(StringComparison.Ordinal) & int.MaxValue) % outbox.Lanes);
                await Task.WhenAll(lanes.Select(lane => PublishInOrderAsync(lane, outbox, stoppingToken)));
                store.Delete(batch.Select(entry => entry.Sequence).ToList());
                cursor = batch[^1].Sequence;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is not confirmed stays in the outbox for the next start.
        }
    }

    /// <summary>
    /// Events of one container keep their order; the minion's other events (start, inventory, heartbeats, job returns)
    /// share one lane, so that the reactor sees them in the order they happened.
    /// </summary>
    internal static string LaneKey(EventEnvelope envelope) =>
        envelope.Tag.Contains("/docker/container/", StringComparison.Ordinal)
        && envelope.Data.ValueKind == JsonValueKind.Object && envelope.Data.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()!
            : string.Empty;

    private async Task PublishInOrderAsync(IEnumerable<OutboxEntry> lane, OutboxOptions outbox, CancellationToken stoppingToken)
    {
        foreach (var entry in lane)
        {
            await PublishUntilConfirmedAsync(entry.Envelope, outbox, stoppingToken);
        }
    }

    private async Task PublishUntilConfirmedAsync(EventEnvelope envelope, OutboxOptions outbox, CancellationToken stoppingToken)
    {
        var delay = outbox.RetryDelay;
        while (true)
        {
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            attempt.CancelAfter(outbox.PublishTimeout);
            try
            {
                // WaitAsync as well: a publish that ignores its token must not stall the outbox.
                await bus.PublishAsync(envelope, attempt.Token).WaitAsync(attempt.Token);
                if (_brokerAway)
                {
                    _brokerAway = false;
                    LogBrokerBack(logger, store.Count);
                }

                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                if (!_brokerAway)
                {
                    _brokerAway = true;
                    LogBrokerAway(logger, ex is OperationCanceledException ? $"no confirm within {outbox.PublishTimeout.TotalSeconds}s" : ex.GetBaseException().Message, store.Count);
                }

                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, outbox.RetryMaxDelay.Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot publish to the bus ({Reason}); keeping events in the outbox ({Count} waiting) and retrying with backoff")]
    private static partial void LogBrokerAway(ILogger logger, string reason, long count);

    [LoggerMessage(Level = LogLevel.Information, Message = "The bus accepts events again; draining the outbox ({Count} waiting)")]
    private static partial void LogBrokerBack(ILogger logger, long count);
}
