using System.Threading.Channels;
using EventReactor.Contracts;
using EventReactor.Reactor.Processing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Ui.Events;

/// <summary>
/// Keeps the latest events the reactor saw (<c>Reactor:Ui:EventHistory</c>) so that the dashboard can show an event's
/// data and causation chain next to its audit. Like the audit, it writes in batches off the event path.
/// </summary>
internal sealed class EventJournal(IEventJournalStore store, IOptions<UiOptions> options) : BackgroundService, IEventObserver
{
    private const int MaxBatch = 512;
    private readonly Channel<object> _queue = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });

    public Task ObserveAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        _queue.Writer.TryWrite(envelope);
        return Task.CompletedTask;
    }

    public async Task<JournalEntry?> FindAsync(string id, CancellationToken cancellationToken)
    {
        // Wait for what was queued before: an event just seen must be found.
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Writer.TryWrite(flushed);
        await flushed.Task.WaitAsync(cancellationToken);
        return await store.FindAsync(id, cancellationToken);
    }

    public Task<IReadOnlyList<JournalEntry>> CausedByAsync(string id, CancellationToken cancellationToken) =>
        store.CausedByAsync(id, cancellationToken);

    public Task<IReadOnlyList<JournalEntry>> RecentAsync(int limit, CancellationToken cancellationToken) =>
        store.RecentAsync(null, limit, cancellationToken);

    public Task<IReadOnlyList<JournalEntry>> RecentFromMinionAsync(string minion, int limit, CancellationToken cancellationToken) =>
        store.RecentAsync(minion, limit, cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<object>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
                {
                    batch.Add(item);
                }

                await WriteAsync(batch, stoppingToken);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the journal is a convenience for the dashboard; the audit keeps what matters.
        }
    }

    private async Task WriteAsync(List<object> batch, CancellationToken cancellationToken)
    {
        var events = batch.OfType<EventEnvelope>().ToList();
        if (events.Count > 0)
        {
            await store.AppendAsync(events, options.Value.EventHistory, cancellationToken);
        }

        foreach (var flushed in batch.OfType<TaskCompletionSource>())
        {
            flushed.TrySetResult();
        }
    }
}
