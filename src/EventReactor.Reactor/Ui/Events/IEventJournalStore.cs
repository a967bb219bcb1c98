using EventReactor.Contracts;

namespace EventReactor.Reactor.Ui.Events;

/// <summary>Where the dashboard's journal of events is kept: SQLite by default, PostgreSQL when the state is there.</summary>
internal interface IEventJournalStore
{
    /// <summary>Stores the events not yet kept, in order, then drops all but the newest <paramref name="keep"/>.</summary>
    Task AppendAsync(IReadOnlyList<EventEnvelope> events, int keep, CancellationToken cancellationToken);

    Task<JournalEntry?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>Events caused by the given one, in the order seen, at most 200.</summary>
    Task<IReadOnlyList<JournalEntry>> CausedByAsync(string id, CancellationToken cancellationToken);

    /// <summary>The newest events first, optionally only those of one minion.</summary>
    Task<IReadOnlyList<JournalEntry>> RecentAsync(string? minion, int limit, CancellationToken cancellationToken);
}
