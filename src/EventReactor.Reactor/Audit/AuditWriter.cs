using System.Threading.Channels;
using EventReactor.Contracts;
using EventReactor.Contracts.Api;
using Microsoft.Extensions.Hosting;

namespace EventReactor.Reactor.Audit;

/// <summary>
/// Audit records go to a queue and are written in batches by a background loop, so that auditing costs the event
/// path almost nothing. A query first waits for what was queued before it. The events the journal keeps go through the
/// same queue and the same transactions: one writer, not two taking turns at the state's write lock.
/// </summary>
internal sealed class AuditWriter(IAuditStore store) : BackgroundService, IAuditLog
{
    private const int MaxBatch = 512;
    private readonly AuditFlushSignal _flushRequested = new();
    private readonly List<object> _interrupted = [];
    private readonly Channel<object> _queue = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>
    /// How long a batch waits for more before it is written, unless someone flushes. Written as soon as they came, at
    /// steady rates each batch held one or two events, and each commit wrote every page it touched once more; with the
    /// wait the state's log takes about two thirds of the writes at 1,000 events/s. The queue is in memory either way.
    /// </summary>
    internal TimeSpan Linger { get; init; } = TimeSpan.FromMilliseconds(20);

    public void Record(AuditRecord record) => _queue.Writer.TryWrite(record);

    /// <summary>Queues an evaluated event for the journal; its row is written with the next batch of records.</summary>
    public void Journal(EventEnvelope envelope) => _queue.Writer.TryWrite(envelope);

    /// <summary>Completes once everything queued before it is written.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Writer.TryWrite(flushed);
        _flushRequested.Notify();
        await flushed.Task.WaitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AuditRecord>> ForEventAsync(string eventId, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        return await store.ForEventAsync(eventId, cancellationToken);
    }

    public Task<IReadOnlyList<AuditRecord>> RecentProblemsAsync(int limit, CancellationToken cancellationToken) =>
        store.RecentProblemsAsync(limit, cancellationToken);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);

        // Write what is still queued: an audit that loses its last records explains nothing. The loop has ended (or,
        // stopped right after start, never ran), so this is the only writer now.
        var rest = new List<object>(_interrupted);
        while (_queue.Reader.TryRead(out var item))
        {
            rest.Add(item);
        }

        await WriteAsync(rest, CancellationToken.None);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<object>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                Take(batch);
                if (batch.Count < MaxBatch && !batch.OfType<TaskCompletionSource>().Any())
                {
                    await _flushRequested.WaitAsync(Linger, stoppingToken);
                    Take(batch);
                }

                await WriteAsync(batch, stoppingToken);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // A batch cut short by the stop goes back first, so StopAsync writes it in order.
            foreach (var item in batch)
            {
                _interrupted.Add(item);
            }
        }
    }

    private void Take(List<object> batch)
    {
        while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
        {
            batch.Add(item);
        }
    }

    private async Task WriteAsync(List<object> batch, CancellationToken cancellationToken)
    {
        var journaled = batch.OfType<EventEnvelope>().ToList();
        var records = batch.OfType<AuditRecord>().ToList();
        if (journaled.Count > 0 || records.Count > 0)
        {
            await store.AppendAsync(journaled, records, cancellationToken);
        }

        foreach (var flushed in batch.OfType<TaskCompletionSource>())
        {
            flushed.TrySetResult();
        }
    }
}
