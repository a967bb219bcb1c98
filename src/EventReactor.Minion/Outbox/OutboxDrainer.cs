using EventReactor.Contracts;
using EventReactor.Contracts.Containers;
using EventReactor.Contracts.Minions;
using EventReactor.Messaging;
using EventReactor.Messaging.Resilience;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Registry;
using Polly.Timeout;

namespace EventReactor.Minion.Outbox;

/// <summary>
/// Publishes the outbox in order and deletes what the broker confirmed. Events of one container (the minion's other
/// events share one lane) are published one after the other, each once the previous one is confirmed, while different
/// containers' go in parallel. With a batch publisher (RabbitMQ) a read batch goes out in waves: the first unsent
/// event of every lane, back to back on one channel with their confirms awaited together, then the next. Otherwise
/// (in memory) each lane (<c>Minion:Outbox:Lanes</c>, by hash) publishes through
/// MassTransit. A failed or timed-out publish is retried (<see cref="ResiliencePipelineNames.OutboxDrain"/>) with the
/// same event id, so the wire is at-least-once. The drainer is the only minion part that holds the bus.
/// </summary>
internal sealed partial class OutboxDrainer(
    OutboxStore store,
    OutboxSignal signal,
    IEventPublisher bus,
    ResiliencePipelineProvider<string> pipelines,
    IOptions<MinionOptions> options,
    ILogger<OutboxDrainer> logger,
    IEventBatchPublisher? batchPublisher = null) : BackgroundService
{
    private readonly ResiliencePipeline _untilConfirmed = pipelines.GetPipeline(ResiliencePipelineNames.OutboxDrain);

    // Every stored event signals the drainer; the poll is only a backstop, so an idle minion seldom wakes for it.
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(30);

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
                    await Task.WhenAll(lanes.Select(lane => PublishInOrderAsync(lane, stoppingToken)));
                    store.Delete(batch.Select(entry => entry.Sequence).ToList());
                }
                else
                {
                    await PublishBatchUntilConfirmedAsync(batchPublisher, batch, stoppingToken);
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
    /// The minion's last word (its goodbye), straight to the bus: the outbox may not drain again before the process
    /// ends, and a lost goodbye only means the reactor notices the minion gone a few heartbeats later.
    /// </summary>
    public Task PublishFinalAsync(EventEnvelope envelope, CancellationToken cancellationToken) => bus.PublishAsync(envelope, cancellationToken);

    /// <summary>
    /// Events of one container keep their order; the minion's other events (start, inventory, heartbeats, job returns)
    /// share one lane, so that the reactor sees them in the order they happened.
    /// </summary>
    internal static string LaneKey(EventEnvelope envelope) =>
        MinionTags.Is(envelope.Tag, MinionEventKind.ContainerEvent) ? envelope.DataAs<ContainerStateChanged>()?.Id ?? string.Empty : string.Empty;

    private async Task PublishInOrderAsync(IEnumerable<OutboxEntry> lane, CancellationToken stoppingToken)
    {
        foreach (var entry in lane)
        {
            await PublishUntilConfirmedAsync(entry.Envelope, stoppingToken);
        }
    }

    /// <summary>
    /// Sends the batch in waves, the n-th wave holding the n-th event of every lane in stored order, so that an event
    /// goes out only once the one before it in its lane is confirmed (the reactor then sees, for example, a minion's
    /// start before its inventory, a round trip apart, as with one publish at a time).
    /// </summary>
    private async Task PublishBatchUntilConfirmedAsync(IEventBatchPublisher publisher, IReadOnlyList<OutboxEntry> batch, CancellationToken stoppingToken)
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
            await PublishWaveUntilConfirmedAsync(publisher, wave, stoppingToken);
        }
    }

    /// <summary>Sends the wave, notes what was confirmed and sends the rest again until all is confirmed.</summary>
    private async Task PublishWaveUntilConfirmedAsync(IEventBatchPublisher publisher, IReadOnlyList<OutboxEntry> wave, CancellationToken stoppingToken)
    {
        var remaining = wave;
        var shortfall = string.Empty;
        var hooks = new RetryHooks
        {
            Incomplete = static confirmedAll => confirmedAll is false,
            OnRetry = (failure, _) => ReportAway(failure is null ? shortfall : Reason(failure)),
        };
        var confirmedAll = await _untilConfirmed.RunAsync(
            async token =>
            {
                // WaitAsync as well: a publish that ignores its token must not stall the outbox.
                var confirmed = await publisher.PublishAsync(remaining.Select(entry => entry.ToSerialized()).ToList(), token).WaitAsync(token);
                var again = Settle(remaining, confirmed);
                if (again.Count == 0)
                {
                    return true;
                }

                shortfall = $"{again.Count} of {remaining.Count} events not confirmed";
                remaining = again;
                return false;
            },
            hooks,
            stoppingToken);

        // Only a stopping token ends the tries with events unconfirmed; they stay in the outbox.
        if (!confirmedAll)
        {
            throw new OperationCanceledException(stoppingToken);
        }

        ReportBack();
    }

    /// <summary>Marks what the broker confirmed (deleting once a batch's worth is due); returns what it did not.</summary>
    private List<OutboxEntry> Settle(IReadOnlyList<OutboxEntry> sent, bool[] confirmed)
    {
        var done = new List<long>(sent.Count);
        var again = new List<OutboxEntry>();
        for (var i = 0; i < sent.Count; i++)
        {
            if (confirmed[i])
            {
                done.Add(sent[i].Sequence);
            }
            else
            {
                again.Add(sent[i]);
            }
        }

        store.MarkConfirmed(done);
        if (store.ConfirmedCount >= options.Value.Outbox.BatchSize)
        {
            store.DeleteConfirmed();
        }

        return again;
    }

    private async Task PublishUntilConfirmedAsync(EventEnvelope envelope, CancellationToken stoppingToken)
    {
        var hooks = new RetryHooks { OnRetry = (failure, _) => ReportAway(Reason(failure!)) };

        // WaitAsync as well: a publish that ignores its token must not stall the outbox.
        await _untilConfirmed.RunAsync(token => new ValueTask(bus.PublishAsync(envelope, token).WaitAsync(token)), hooks, stoppingToken);
        ReportBack();
    }

    private string Reason(Exception failure) =>
        failure is TimeoutRejectedException ? $"no confirm within {options.Value.Outbox.PublishTimeout.TotalSeconds}s" : failure.GetBaseException().Message;

    private void ReportAway(string reason)
    {
        if (!_brokerAway)
        {
            _brokerAway = true;
            LogBrokerAway(logger, reason, store.Count);
        }
    }

    private void ReportBack()
    {
        if (_brokerAway)
        {
            _brokerAway = false;
            LogBrokerBack(logger, store.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot publish to the bus ({Reason}); keeping events in the outbox ({Count} waiting) and retrying with backoff")]
    private static partial void LogBrokerAway(ILogger logger, string reason, long count);

    [LoggerMessage(Level = LogLevel.Information, Message = "The bus accepts events again; draining the outbox ({Count} waiting)")]
    private static partial void LogBrokerBack(ILogger logger, long count);
}
