namespace EventReactor.Reactor.Reactions;

/// <summary>
/// The action is claimed and still running on another reactor whose liveness lease is live. It may be that reactor's
/// last moments (it was killed, and its lease has not run out yet): the caller waits and tries again, so that it takes
/// the claim over once the lease expires, or finds it done.
/// </summary>
public sealed class ClaimHeldException(string eventId, string rule, int actionIndex)
    : Exception($"the action {actionIndex} of rule '{rule}' for event {eventId} is running on another live reactor");
