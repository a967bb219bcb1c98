using EventReactor.Contracts;
using EventReactor.Contracts.Api;

namespace EventReactor.Reactor.Audit;

/// <summary>Where audit records are kept; SQLite by default, a shared database when several reactors share the work.</summary>
internal interface IAuditStore
{
    /// <summary>
    /// Stores, in one transaction and in the order given, the events for the journal (an id already kept is ignored)
    /// and the audit records: the journal is written with the audit, not beside it (<see cref="Journal.EventJournal"/>).
    /// </summary>
    Task AppendAsync(IReadOnlyList<EventEnvelope> journaled, IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken);

    /// <summary>Every record of the event, in the order stored.</summary>
    Task<IReadOnlyList<AuditRecord>> ForEventAsync(string eventId, CancellationToken cancellationToken);

    /// <summary>The latest records that failed or whose condition could not be evaluated, newest first.</summary>
    Task<IReadOnlyList<AuditRecord>> RecentProblemsAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Every rule audited since <paramref name="since"/>, counted (in the database, not here), and its failing actions.</summary>
    Task<AuditTally> TallyAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
