using EventReactor.Contracts.Api;
using EventReactor.Core.Pools;
using EventReactor.Reactor.Minions;
using EventReactor.Reactor.Pools.Provisioning;

namespace EventReactor.Reactor.Pools;

/// <summary>What operators and rules do with pools: list them, add or remove members, set a provider pool's size.</summary>
internal sealed class PoolService(PoolCatalog catalog, IPoolStore store, PoolState state, PoolSignal signal, IMinionStore minions, IEnumerable<IMinionProvider> providers)
{
    public async Task<IReadOnlyList<PoolView>> ListAsync(CancellationToken cancellationToken)
    {
        var sizes = await store.DesiredSizesAsync(cancellationToken);
        var provisioned = await store.ProvisionedAsync(cancellationToken);
        var present = (await minions.ListAsync(cancellationToken)).Where(m => m.Present).Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        return catalog.Current.Select(pool => new PoolView(
            pool.Name,
            pool.Select?.Text,
            pool.Provider,
            pool.Min,
            pool.Max,
            pool.Provider is null ? null : Math.Clamp(sizes.TryGetValue(pool.Name, out var size) ? size : pool.Min, pool.Min, pool.Max),
            pool.IdleShutdown?.ToString(),
            pool.Grains,
            state.Members.Where(m => m.Pool == pool.Name).Select(m => new PoolMemberView(m.Minion, m.Reason, m.Since, present.Contains(m.Minion))).ToList(),
            provisioned.Where(p => p.Pool == pool.Name).Select(p => new ProvisionedMinionView(p.Minion, p.Pool, p.Provider, p.Handle, p.CreatedAt)).ToList())).ToList();
    }

    public async Task<PoolView> GetAsync(string name, CancellationToken cancellationToken)
    {
        catalog.Get(name);
        return (await ListAsync(cancellationToken)).Single(p => p.Name == name);
    }

    public async Task AddAsync(string pool, string minion, CancellationToken cancellationToken)
    {
        catalog.Get(pool);
        CheckMinionId(minion);
        await store.SetAddedAsync(pool, minion, added: true, cancellationToken);
        signal.Notify();
    }

    public async Task RemoveAsync(string pool, string minion, CancellationToken cancellationToken)
    {
        catalog.Get(pool);
        if (!(await store.AdditionsAsync(cancellationToken)).Contains((pool, minion)))
        {
            var member = state.Members.FirstOrDefault(m => m.Pool == pool && m.Minion == minion);
            throw new PoolException(member is null
                ? $"minion '{minion}' is not in pool '{pool}'"
                : $"minion '{minion}' is in pool '{pool}' by {member.Reason}, not because it was added; only added members can be removed");
        }

        await store.SetAddedAsync(pool, minion, added: false, cancellationToken);
        signal.Notify();
    }

    public async Task<PoolDefinition> ScaleAsync(string name, int size, CancellationToken cancellationToken)
    {
        var pool = catalog.Get(name);
        if (pool.Provider is null)
        {
            throw new PoolException($"pool '{name}' has no provider, so it cannot be scaled; its members come from its selector and explicit adds");
        }

        if (size < pool.Min || size > pool.Max)
        {
            throw new PoolException($"pool '{name}' can be scaled to {pool.Min}..{pool.Max} (its min and max), not {size}");
        }

        var provider = providers.FirstOrDefault(p => p.Name == pool.Provider)
            ?? throw new PoolException($"pool '{name}': unknown provider '{pool.Provider}'; known: {string.Join(", ", providers.Select(p => p.Name))}");
        provider.EnsureUsable(pool);
        await store.SetDesiredSizeAsync(name, size, cancellationToken);
        signal.Notify();
        return pool;
    }

    private static void CheckMinionId(string minion)
    {
        if (string.IsNullOrWhiteSpace(minion) || minion.IndexOfAny(['/', '*', '?', '[', ']', ' ', '\t', ',']) >= 0)
        {
            throw new PoolException($"'{minion}' is not a minion id: it must be non-empty and free of '/', ',', glob characters and blanks");
        }
    }
}
