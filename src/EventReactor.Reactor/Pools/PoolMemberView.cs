namespace EventReactor.Reactor.Pools;

/// <summary>A member of a pool with why it is one and whether it is present now.</summary>
public sealed record PoolMemberView(string Minion, string Reason, DateTimeOffset Since, bool Present);
