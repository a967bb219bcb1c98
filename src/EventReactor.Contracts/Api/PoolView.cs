namespace EventReactor.Contracts.Api;

/// <summary>A pool as the API and CLI show it (<c>GET /api/pools</c>, <c>/api/pools/{name}</c>).</summary>
/// <param name="Name">The pool's name.</param>
/// <param name="Select">The CEL selector that makes present minions members, if any.</param>
/// <param name="Provider">The provider that makes minions for it, if any (such as <c>process</c>).</param>
/// <param name="Min">The least size it may be scaled to.</param>
/// <param name="Max">The largest size it may be scaled to.</param>
/// <param name="Desired">The size it was scaled to; null for a pool without a provider.</param>
/// <param name="IdleShutdown">How long a provisioned minion may idle before it is stopped, as <c>hh:mm:ss</c>.</param>
/// <param name="Grains">Grains the provider gives the minions it makes.</param>
/// <param name="Members">The members, with why each is one.</param>
/// <param name="Provisioned">The minions its provider made.</param>
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
    IReadOnlyList<ProvisionedMinionView> Provisioned);
