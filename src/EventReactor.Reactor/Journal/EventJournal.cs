using EventReactor.Contracts;
using EventReactor.Core.Evaluation.Replay;
using EventReactor.Reactor.Audit;
using EventReactor.Reactor.Processing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Journal;

/// <summary>
/// Keeps the events the reactor evaluated (<c>Reactor:Journal</c>): the dashboard shows an event's data and causation
/// chain from it, and <c>rules test --replay</c> replays it. Its rows are written off the event path by the audit's
/// writer, in the audit's batches and transactions (<see cref="AuditWriter.Journal"/>); this service drops what is past
/// its age or size, once per prune interval.
/// </summary>
internal sealed partial class EventJournal(IEventJournalStore store, AuditWriter writer, IOptions<JournalOptions> options, TimeProvider time, ILogger<EventJournal> logger)
    : BackgroundService, IEventObserver
{
    public bool Enabled => options.Value.Enabled;

    public Task ObserveAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        if (options.Value.Enabled)
        {
            writer.Journal(envelope);
        }

        return Task.CompletedTask;
    }

    public async Task<JournalEntry?> FindAsync(string id, CancellationToken cancellationToken)
    {
        // Wait for what was queued before: an event just seen must be found.
        await writer.FlushAsync(cancellationToken);
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
        await writer.FlushAsync(cancellationToken);
        return await WindowHandOff.RunAsync((handOff, token) => store.ReadWindowAsync(from, to, handOff, token), visit, cancellationToken);
    }

    // Retention runs even with the journal off, so that what was kept before it was turned off still goes.
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var timer = new PeriodicTimer(settings.PruneInterval, time);
        try
        {
            do
            {
                var dropped = await store.PruneAsync(time.GetUtcNow() - settings.MaxAge, settings.MaxBytes, stoppingToken);
                if (dropped > 0)
                {
                    LogPruned(logger, dropped, settings.MaxAge, settings.MaxBytes);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the next start prunes first.
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Journal: dropped {Count} events past {MaxAge} or {MaxBytes} bytes")]
    private static partial void LogPruned(ILogger logger, long count, TimeSpan maxAge, long maxBytes);
}
