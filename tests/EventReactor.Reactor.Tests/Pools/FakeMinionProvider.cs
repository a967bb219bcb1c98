using EventReactor.Contracts.Pools;
using EventReactor.Core.Pools;
using EventReactor.Reactor.Pools;
using EventReactor.Reactor.Pools.Provisioning;

namespace EventReactor.Reactor.Tests.Pools;

/// <summary>A provider whose minions run until destroyed; it records what it destroyed.</summary>
internal sealed class FakeMinionProvider(TimeProvider time) : IMinionProvider
{
    public string Name => "fake";

    public List<string> Destroyed { get; } = [];

    /// <summary>Ids whose creation fails at the upload step on host <c>bad-host</c>.</summary>
    public HashSet<string> Failing { get; } = [];

    public void EnsureUsable(PoolDefinition pool)
    {
    }

    public Task<ProvisionedMinion> CreateAsync(PoolDefinition pool, string minionId, CancellationToken cancellationToken) =>
        Failing.Contains(minionId)
            ? throw new MinionProvisioningException("bad-host", ProvisioningStep.Upload, "disk full")
            : Task.FromResult(new ProvisionedMinion(minionId, pool.Name, Name, minionId, time.GetUtcNow()));

    public Task DestroyAsync(ProvisionedMinion minion, CancellationToken cancellationToken)
    {
        Destroyed.Add(minion.Minion);
        return Task.CompletedTask;
    }

    public bool IsRunning(ProvisionedMinion minion) => !Destroyed.Contains(minion.Minion);
}
