namespace EventReactor.Reactor.Pools;

/// <summary>A pool as the API and CLI show it.</summary>
public sealed record PoolView(
    string Name,
    string? Select,
    string? Provider,
    int Min,
    int Max,
    int? Desired,
    string? IdleShutdown,
    IReadOnlyDictionary<string, string> Grains,
    IReadOnlyList<PoolMemberView> Members,
    IReadOnlyList<ProvisionedMinion> Provisioned);
