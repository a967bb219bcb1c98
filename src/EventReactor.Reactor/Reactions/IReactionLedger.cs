using EventReactor.Contracts;

namespace EventReactor.Reactor.Reactions;

/// <summary>
/// Makes each (event, rule, action) act once although events are delivered at least once. Behind an interface so
/// that a shared database can serve several reactors.
/// </summary>
public interface IReactionLedger
{
    /// <summary>Claims the action for this event; false when it already ran (or another reactor is running it).</summary>
    Task<bool> TryClaimAsync(string eventId, string rule, int actionIndex, CancellationToken cancellationToken);

    /// <summary>
    /// Records how the claimed action ended, for good, and stores <paramref name="emitted"/> (the event it fired, or the
    /// announcement of its failure) in the reactor's outbox in the same transaction.
    /// </summary>
    Task CompleteAsync(string eventId, string rule, int actionIndex, bool succeeded, EventEnvelope? emitted, CancellationToken cancellationToken);

    /// <summary>Gives a claim back unfinished (the reactor is stopping), so that a redelivery runs the action.</summary>
    Task ReleaseAsync(string eventId, string rule, int actionIndex, CancellationToken cancellationToken);
}
