namespace EventReactor.EndToEnd;

/// <summary>Rates of one flood, each from its start: stored in the minions' outboxes, and acted on by the reactor.</summary>
internal sealed record FloodResult(double ActedPerSecond, double StoredPerSecond);
