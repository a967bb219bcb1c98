using System.Threading.Channels;
using EventReactor.Contracts;
using EventReactor.Core.Evaluation.Replay;
using EventReactor.Reactor.Processing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Journal;

/// <summary>
/// Keeps the events the reactor evaluated (<c>Reactor:Journal</c>): the dashboard shows an event's data and causation
/// chain from it, and <c>rules test --replay</c> replays it. Like the audit, it writes in batches off the event path,
/// and it drops what is past its age or size after a batch, at most once per prune interval.
/// </summary>
internal sealed partial class EventJournal(IEventJournalStore store, IOptions<JournalOptions> options, TimeProvider time, ILogger<EventJournal> logger)
    : BackgroundService, IEventObserver
{
    private const int MaxBatch = 512;
    private readonly Channel<object> _queue = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private DateTimeOffset _prunedAt = DateTimeOffset.MinValue;

    public bool Enabled => options.Value.Enabled;

    public Task ObserveAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        if (options.Value.Enabled)
        {
            _queue.Writer.TryWrite(envelope);
        }

        return Task.CompletedTask;
    }

    public async Task<JournalEntry?> FindAsync(string id, CancellationToken cancellationToken)
    {
        // Wait for what was queued before: an event just seen must be found.
        await FlushAsync(cancellationToken);
        return await store.FindAsync(id, cancellationToken);
    }

    public Task<IReadOnlyList<JournalEntry>> CausedByAsync(string id, CancellationToken cancellationToken) =>
        store.CausedByAsync(id, cancellationToken);

    public Task<IReadOnlyList<JournalEntry>> RecentAsync(int limit, CancellationToken cancellationToken) =>
        store.RecentAsync(null, limit, cancellationToken);

    public Task<IReadOnlyList<JournalEntry>> RecentFromMinionAsync(string minion, int limit, CancellationToken cancellationToken) =>
        store.RecentAsync(minion, limit, cancellationToken);

    /// <summary>
    /// The events of the window with their audit, streamed in event-time order, once what was queued before is written.
    /// <paramref name="visit"/> runs on another thread than the reading (<see cref="WindowHandOff"/>), one event at a time.
    /// </summary>
    public async Task<long> ReadWindowAsync(DateTimeOffset from, DateTimeOffset to, Action<RecordedEvent> visit, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        return await WindowHandOff.RunAsync((handOff, token) => store.ReadWindowAsync(from, to, handOff, token), visit, cancellationToken);
    }

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
                await PruneWhenDueAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is still queued is lost; the audit keeps what the rules did.
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Writer.TryWrite(flushed);
        await flushed.Task.WaitAsync(cancellationToken);
    }

    private async Task WriteAsync(List<object> batch, CancellationToken cancellationToken)
    {
        var events = batch.OfType<EventEnvelope>().ToList();
        if (events.Count > 0)
        {
            await store.AppendAsync(events, cancellationToken);
        }

        foreach (var flushed in batch.OfType<TaskCompletionSource>())
        {
            flushed.TrySetResult();
        }
    }

    private async Task PruneWhenDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        if (now - _prunedAt < settings.PruneInterval)
        {
            return;
        }

        _prunedAt = now;
        var dropped = await store.PruneAsync(now - settings.MaxAge, settings.MaxBytes, cancellationToken);
        if (dropped > 0)
        {
            LogPruned(logger, dropped, settings.MaxAge, settings.MaxBytes);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Journal: dropped {Count} events past {MaxAge} or {MaxBytes} bytes")]
    private static partial void LogPruned(ILogger logger, long count, TimeSpan maxAge, long maxBytes);
}
