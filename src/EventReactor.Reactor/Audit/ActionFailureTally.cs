namespace EventReactor.Reactor.Audit;

/// <summary>How often the action at <paramref name="Index"/> of a rule failed over a window.</summary>
internal sealed record ActionFailureTally(string Rule, int Index, long Failures);
