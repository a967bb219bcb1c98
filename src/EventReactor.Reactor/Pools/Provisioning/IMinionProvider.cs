using EventReactor.Core.Pools;

namespace EventReactor.Reactor.Pools.Provisioning;

/// <summary>
/// Makes and destroys minions for pools (local processes, bare-metal hosts over SSH, cloud instances). The reactor records
/// what a provider made; after a restart it asks the provider which of those still run and adopts them. See docs/providers.md.
/// </summary>
internal interface IMinionProvider
{
    /// <summary>The name pools use in <c>provider:</c>.</summary>
    string Name { get; }

    /// <summary>Throws <see cref="PoolException"/> when the provider cannot serve this reactor (e.g. no real broker).</summary>
    void EnsureUsable(PoolDefinition pool);

    /// <summary>Starts a minion with the given id for the pool; it connects to the reactor's bus by itself.</summary>
    Task<ProvisionedMinion> CreateAsync(PoolDefinition pool, string minionId, CancellationToken cancellationToken);

    /// <summary>Stops and removes a minion it made.</summary>
    Task DestroyAsync(ProvisionedMinion minion, CancellationToken cancellationToken);

    /// <summary>Whether a recorded minion still runs, so it is adopted rather than made again.</summary>
    bool IsRunning(ProvisionedMinion minion);
}
