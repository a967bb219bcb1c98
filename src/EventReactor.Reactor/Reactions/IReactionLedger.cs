using EventReactor.Contracts;

namespace EventReactor.Reactor.Reactions;

/// <summary>
/// Makes each (event, rule, action) act once although events are delivered at least once. Behind an interface so
/// that a shared database can serve several reactors.
/// </summary>
public interface IReactionLedger
{
    /// <summary>
    /// Claims the action for this event for this reactor; null when it already ran or another live reactor is running it.
    /// A claim left <c>running</c> by a reactor whose liveness lease has expired (it died or was paused past it), or was
    /// taken again at a newer epoch, is taken over in the same statement.
    /// </summary>
    Task<ReactionClaim?> TryClaimAsync(string eventId, string rule, int actionIndex, CancellationToken cancellationToken);

    /// <summary>
    /// Records how the claimed action ended, for good, and stores <paramref name="emitted"/> (the event it fired, or the
    /// announcement of its failure) in the reactor's outbox in the same transaction. False, storing nothing, when the
    /// claim is no longer this one's: another reactor took it over.
    /// </summary>
    Task<bool> CompleteAsync(ReactionClaim claim, bool succeeded, EventEnvelope? emitted, CancellationToken cancellationToken);

    /// <summary>
    /// Claims the action and records how it ended in one write, storing <paramref name="emitted"/> with it, for an
    /// action that has already run and whose only effect is that event (<c>event.fire</c>): true when this call recorded
    /// it; false, storing nothing, when the action already ran or runs on this reactor. Throws
    /// <see cref="ClaimHeldException"/> while another live reactor holds it, and takes over a claim as
    /// <see cref="TryClaimAsync"/> does.
    /// </summary>
    Task<bool> RecordOnceAsync(string eventId, string rule, int actionIndex, bool succeeded, EventEnvelope? emitted, CancellationToken cancellationToken);

    /// <summary>Gives a claim back unfinished (the reactor is stopping), so that a redelivery runs the action.</summary>
    Task ReleaseAsync(ReactionClaim claim, CancellationToken cancellationToken);
}
