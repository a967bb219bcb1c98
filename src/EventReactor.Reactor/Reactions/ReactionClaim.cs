namespace EventReactor.Reactor.Reactions;

/// <summary>
/// An (event, rule, action) claimed by one reactor: <see cref="Owner"/> is its liveness lease's holder and
/// <see cref="Epoch"/> that lease's epoch at the claim. The completion is fenced by both, so a reactor whose claim was
/// taken over (it was paused or cut off past its lease) cannot complete it or emit for it.
/// </summary>
public sealed record ReactionClaim(string EventId, string Rule, int ActionIndex, string Owner, long Epoch);
