namespace EventReactor.Contracts.Minions;

/// <summary>The data of <c>minion/&lt;id&gt;/stop</c>, said on a graceful shutdown: an empty object.</summary>
public sealed record MinionStopped;
