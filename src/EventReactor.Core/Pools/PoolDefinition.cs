using EventReactor.Core.Expressions;

namespace EventReactor.Core.Pools;

/// <summary>
/// A pool from the pools file: minions join by <see cref="Select"/> (CEL over <c>id</c> and <c>grains</c>), by being
/// added explicitly, or by being made by the pool's <see cref="Provider"/>, which keeps between <see cref="Min"/> and <see cref="Max"/>.
/// <see cref="Hosts"/> is the inventory of the <c>ssh</c> provider (empty for others).
/// </summary>
public sealed record PoolDefinition(
    string Name,
    CelExpression? Select,
    string? Provider,
    int Min,
    int Max,
    TimeSpan? IdleShutdown,
    IReadOnlyDictionary<string, string> Grains,
    IReadOnlyList<PoolHost> Hosts);
