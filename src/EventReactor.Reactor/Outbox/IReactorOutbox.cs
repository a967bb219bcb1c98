using EventReactor.Contracts;
using EventReactor.Reactor.Leases;

namespace EventReactor.Reactor.Outbox;

/// <summary>
/// The reactor's durable outbox: every event the reactor emits is stored here first, then evaluated against the rules
/// in-process once and published at least once, each step marked on its row; a row with both steps done is removed.
/// Behind an interface so that a shared database can serve several reactors (PostgreSQL): there each event is its
/// storing reactor's to evaluate and publish, until that reactor's liveness lease runs out and another adopts it.
/// </summary>
public interface IReactorOutbox
{
    /// <summary>Stores an event in its own transaction (an <c>event.fire</c> is stored with its ledger completion instead).</summary>
    Task AddAsync(EventEnvelope envelope, CancellationToken cancellationToken);

    /// <summary>
    /// Stores an event only while <paramref name="fence"/>'s epoch is the lease's current one, in the same statement;
    /// returns false, storing nothing, once another holder has taken the lease since (a paused old holder that resumed).
    /// </summary>
    Task<bool> AddFencedAsync(EventEnvelope envelope, LeaseToken fence, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> of this reactor's events not yet evaluated, after <paramref name="after"/>, in
    /// sequence order. A sequence is taken when the event is stored, not when it commits: on PostgreSQL a lower one may
    /// still commit after a higher one was read, so a reader that caught up reads again from 0.
    /// </summary>
    Task<IReadOnlyList<OutboxEvent>> ReadToEvaluateAsync(long after, int limit, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> of this reactor's events not yet published, after <paramref name="after"/>, as <see cref="ReadToEvaluateAsync"/>.</summary>
    Task<IReadOnlyList<OutboxEvent>> ReadToPublishAsync(long after, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Makes this reactor the owner of the events whose reactor's liveness lease has run out or was let go, so that they
    /// are evaluated and published here; returns how many. Where one reactor has the state to itself (SQLite) every event
    /// is already its own, and nothing is taken.
    /// </summary>
    Task<int> AdoptAsync(CancellationToken cancellationToken);

    /// <summary>Marks events evaluated (removing those that were published too), in one write.</summary>
    Task MarkEvaluatedAsync(IReadOnlyList<long> sequences, CancellationToken cancellationToken);

    /// <summary>Marks events published (removing those that were evaluated too), in one write.</summary>
    Task MarkPublishedAsync(IReadOnlyList<long> sequences, CancellationToken cancellationToken);

    /// <summary>How many events still wait for a step.</summary>
    Task<int> CountAsync(CancellationToken cancellationToken);
}
