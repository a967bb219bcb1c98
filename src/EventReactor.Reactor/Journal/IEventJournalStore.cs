using EventReactor.Contracts;
using EventReactor.Core.Evaluation.Replay;

namespace EventReactor.Reactor.Journal;

/// <summary>
/// Where the reactor's journal of events is kept: SQLite by default, PostgreSQL when the state is there. Its rows are
/// written with the audit (<see cref="Audit.IAuditStore.AppendAsync"/>); here they are pruned and read.
/// </summary>
internal interface IEventJournalStore
{
    /// <summary>Drops the events older than <paramref name="olderThan"/>, then the oldest until the rest is within <paramref name="maxBytes"/>; returns how many went.</summary>
    Task<long> PruneAsync(DateTimeOffset olderThan, long maxBytes, CancellationToken cancellationToken);

    /// <summary>
    /// Hands each event whose time is in [<paramref name="from"/>, <paramref name="to"/>) to <paramref name="visit"/>, in
    /// event-time order (then the order stored), with its audit records in the order written, as replay compares them
    /// (rule, outcome, detail, actions; see <see cref="RecordedEventReader.Columns"/>). Streams: nothing is loaded whole.
    /// Returns how many events were visited.
    /// </summary>
    Task<long> ReadWindowAsync(DateTimeOffset from, DateTimeOffset to, Action<RecordedEvent> visit, CancellationToken cancellationToken);

    Task<JournalEntry?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>Events caused by the given one, in the order seen, at most 200.</summary>
    Task<IReadOnlyList<JournalEntry>> CausedByAsync(string id, CancellationToken cancellationToken);

    /// <summary>The newest events first, optionally only those of one minion.</summary>
    Task<IReadOnlyList<JournalEntry>> RecentAsync(string? minion, int limit, CancellationToken cancellationToken);
}
