namespace EventReactor.Reactor.Pools;

/// <summary>Durable pool state: memberships, explicit members, desired sizes and provisioned minions. SQLite by default.</summary>
internal interface IPoolStore
{
    Task<IReadOnlyList<PoolMember>> MembersAsync(CancellationToken cancellationToken);

    Task SaveMembershipChangesAsync(IReadOnlyList<PoolMember> joined, IReadOnlyList<PoolMember> left, CancellationToken cancellationToken);

    Task<IReadOnlyList<(string Pool, string Minion)>> AdditionsAsync(CancellationToken cancellationToken);

    Task SetAddedAsync(string pool, string minion, bool added, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, int>> DesiredSizesAsync(CancellationToken cancellationToken);

    Task SetDesiredSizeAsync(string pool, int size, CancellationToken cancellationToken);

    Task<IReadOnlyList<ProvisionedMinion>> ProvisionedAsync(CancellationToken cancellationToken);

    Task SaveProvisionedAsync(ProvisionedMinion minion, CancellationToken cancellationToken);

    Task DeleteProvisionedAsync(string minion, CancellationToken cancellationToken);
}
