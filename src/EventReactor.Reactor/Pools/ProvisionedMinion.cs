namespace EventReactor.Reactor.Pools;

/// <summary>A minion a provider made for a pool; the handle is the provider's own (a pid, an instance id, a host name).</summary>
public sealed record ProvisionedMinion(string Minion, string Pool, string Provider, string Handle, DateTimeOffset CreatedAt);
