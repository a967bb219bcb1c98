using EventReactor.Contracts;
using EventReactor.Contracts.Containers;
using EventReactor.Contracts.Minions;
using EventReactor.Messaging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventReactor.Minion.Outbox;

/// <summary>
/// Publishes the outbox in order and deletes what the broker confirmed. Events of one container (the minion's other
/// events share one lane) are published one after the other, each once the previous one is confirmed, while different
/// containers' go in parallel. With a batch publisher (RabbitMQ) a read batch goes out in waves: the first unsent
/// event of every lane, back to back on one channel with their confirms awaited together, then the next. Otherwise
/// (in memory, or <c>Bus:DirectPublish</c> off) each lane (<c>Minion:Outbox:Lanes</c>, by hash) publishes through
/// MassTransit. A failed or timed-out publish is retried with backoff with the same event id, so the wire is
/// at-least-once.
/// </summary>
internal sealed partial class OutboxDrainer(
    OutboxStore store,
    OutboxSignal signal,
    IEventPublisher bus,
    IOptions<MinionOptions> options,
    ILogger<OutboxDrainer> logger,
    IEventBatchPublisher? batchPublisher = null) : BackgroundService
{
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);

    // Confirmed events are deleted with the next stored event's transaction; if none comes this soon, on their own.
    private static readonly TimeSpan DeleteConfirmedAfter = TimeSpan.FromMilliseconds(200);
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
                    if (store.ConfirmedCount == 0)
                    {
                        await signal.WaitAsync(IdlePoll, stoppingToken);
                    }
                    else if (!await signal.WaitAsync(DeleteConfirmedAfter, stoppingToken))
                    {
                        store.DeleteConfirmed();
                    }

                    continue;
                }

                if (batchPublisher is null)
                {
                    var lanes = batch.GroupBy(entry => (LaneKey(entry.Envelope).GetHashCode(StringComparison.Ordinal) & int.MaxValue) % outbox.Lanes);
                    await Task.WhenAll(lanes.Select(lane => PublishInOrderAsync(lane, outbox, stoppingToken)));
                    store.Delete(batch.Select(entry => entry.Sequence).ToList());
                }
                else
                {
                    await PublishBatchUntilConfirmedAsync(batchPublisher, batch, outbox, stoppingToken);
                }

                cursor = batch[^1].Sequence;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is not confirmed stays in the outbox for the next start.
        }
        finally
        {
            // What is confirmed goes; left behind, it would only be published again.
            store.DeleteConfirmed();
        }
    }

    /// <summary>
    /// Events of one container keep their order; the minion's other events (start, inventory, heartbeats, job returns)
    /// share one lane, so that the reactor sees them in the order they happened.
    /// </summary>
    internal static string LaneKey(EventEnvelope envelope) =>
        MinionTags.Is(envelope.Tag, MinionEventKind.ContainerEvent) ? envelope.DataAs<ContainerStateChanged>()?.Id ?? string.Empty : string.Empty;

    private async Task PublishInOrderAsync(IEnumerable<OutboxEntry> lane, OutboxOptions outbox, CancellationToken stoppingToken)
    {
        foreach (var entry in lane)
        {
            await PublishUntilConfirmedAsync(entry.Envelope, outbox, stoppingToken);
        }
    }

    /// <summary>
    /// Sends the batch in waves, the n-th wave holding the n-th event of every lane in stored order, so that an event
    /// goes out only once the one before it in its lane is confirmed (the reactor then sees, for example, a minion's
    /// start before its inventory, a round trip apart, as with one publish at a time).
    /// </summary>
    private async Task PublishBatchUntilConfirmedAsync(IEventBatchPublisher publisher, IReadOnlyList<OutboxEntry> batch, OutboxOptions outbox, CancellationToken stoppingToken)
    {
        var waves = new List<List<OutboxEntry>>();
        var depth = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in batch)
        {
            var lane = OutboxLane.Of(entry);
            var wave = depth.GetValueOrDefault(lane);
            depth[lane] = wave + 1;
            if (wave == waves.Count)
            {
                waves.Add([]);
            }

            waves[wave].Add(entry);
        }

        foreach (var wave in waves)
        {
            await PublishWaveUntilConfirmedAsync(publisher, wave, outbox, stoppingToken);
        }
    }

    /// <summary>Sends the wave, notes what was confirmed and sends the rest again until all is confirmed.</summary>
    private async Task PublishWaveUntilConfirmedAsync(IEventBatchPublisher publisher, IReadOnlyList<OutboxEntry> wave, OutboxOptions outbox, CancellationToken stoppingToken)
    {
        var remaining = wave;
        var delay = outbox.RetryDelay;
        while (true)
        {
            string? failure = null;
            bool[] confirmed;
            using (var attempt = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
            {
                attempt.CancelAfter(outbox.PublishTimeout);
                try
                {
                    // WaitAsync as well: a publish that ignores its token must not stall the outbox.
                    confirmed = await publisher.PublishAsync(remaining.Select(entry => entry.ToSerialized()).ToList(), attempt.Token).WaitAsync(attempt.Token);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    confirmed = new bool[remaining.Count];
                    failure = ex is OperationCanceledException ? $"no confirm within {outbox.PublishTimeout.TotalSeconds}s" : ex.GetBaseException().Message;
                }
            }

            var done = new List<long>(remaining.Count);
            var again = new List<OutboxEntry>();
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

            store.MarkConfirmed(done);
            if (store.ConfirmedCount >= outbox.BatchSize)
            {
                store.DeleteConfirmed();
            }

            if (again.Count == 0)
            {
                if (_brokerAway)
                {
                    _brokerAway = false;
                    LogBrokerBack(logger, store.Count);
                }

                return;
            }

            if (!_brokerAway)
            {
                _brokerAway = true;
                LogBrokerAway(logger, failure ?? $"{again.Count} of {remaining.Count} events not confirmed", store.Count);
            }

            remaining = again;
            await Task.Delay(delay, stoppingToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, outbox.RetryMaxDelay.Ticks));
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
