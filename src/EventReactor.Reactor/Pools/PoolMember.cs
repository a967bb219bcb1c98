namespace EventReactor.Reactor.Pools;

/// <summary>A minion in a pool, and why: <c>selector</c>, <c>added</c> or <c>provisioned</c>.</summary>
public sealed record PoolMember(string Pool, string Minion, string Reason, DateTimeOffset Since);
