namespace EventReactor.Reactor.Pools;

/// <summary>The memberships the reconciler last computed, for targeting and listings without a database read.</summary>
internal sealed class PoolState
{
    private volatile IReadOnlyList<PoolMember> _members = [];

    public IReadOnlyList<PoolMember> Members => _members;

    public void Replace(IReadOnlyList<PoolMember> members) => _members = members;

    public IReadOnlyList<string> PoolsOf(string minion) =>
        _members.Where(m => m.Minion == minion).Select(m => m.Pool).Order(StringComparer.Ordinal).ToList();
}
