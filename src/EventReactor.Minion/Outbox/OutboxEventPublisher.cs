using System.Diagnostics;
using System.Collections.Concurrent;
using EventReactor.Contracts;
using EventReactor.Messaging.Telemetry;
using Microsoft.Extensions.Logging;

namespace EventReactor.Minion.Outbox;

/// <summary>
/// The minion's <see cref="IMinionOutbox"/>: stores the event on disk and returns; <see cref="OutboxDrainer"/>
/// publishes it later. Concurrent callers share one transaction (whoever holds the store writes everyone's events).
/// </summary>
internal sealed partial class OutboxEventPublisher(OutboxStore store, OutboxSignal signal, ILogger<OutboxEventPublisher> logger) : IMinionOutbox
{
    private const int MaxGroup = 1024;
    private readonly ConcurrentQueue<(EventEnvelope Envelope, TaskCompletionSource Stored)> _pending = new();
    private readonly Lock _writer = new();
    private bool _warnedFull;

    public Task AppendAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        // A minion event starts a trace (or continues the command's); its context is stored with it in the outbox.
        using var span = EventReactorTelemetry.Source.StartActivity($"publish {envelope.Tag}", ActivityKind.Producer);
        envelope = EventReactorTelemetry.Stamp(envelope);
        var stored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending.Enqueue((envelope, stored));
        lock (_writer)
        {
            WritePending();
        }

        signal.Notify();
        return stored.Task;
    }

    private void WritePending()
    {
        while (!_pending.IsEmpty)
        {
            var group = new List<(EventEnvelope Envelope, TaskCompletionSource Stored)>();
            while (group.Count < MaxGroup && _pending.TryDequeue(out var item))
            {
                group.Add(item);
            }

            try
            {
                var result = store.Append(group.ConvertAll(g => g.Envelope));
                ReportBound(result);
                group.ForEach(g => g.Stored.TrySetResult());
            }
            catch (Exception ex)
            {
                group.ForEach(g => g.Stored.TrySetException(ex));
            }
        }
    }

    private void ReportBound(OutboxAppendResult result)
    {
        if (result.DroppedMetrics > 0 || result.OverBound)
        {
            if (!_warnedFull || result.DroppedMetrics > 0)
            {
                LogFull(logger, store.Count, result.DroppedMetrics);
            }

            _warnedFull = true;
        }
        else
        {
            _warnedFull = false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The outbox is full ({Count} events waiting for the broker): dropped {Dropped} metric batches; lifecycle events are kept past the bound Minion:Outbox:MaxEvents")]
    private static partial void LogFull(ILogger logger, long count, int dropped);
}
