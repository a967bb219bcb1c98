using EventReactor.Core.Pools;
using EventReactor.Core.Targeting;
using EventReactor.Reactor.Minions;

namespace EventReactor.Reactor.Pools;

/// <summary>Who belongs to which pool and why; pure, so the rules of membership are tested without a running reactor.</summary>
internal static class PoolMembership
{
    /// <summary>
    /// Explicit members (<c>added</c>) whatever their presence; present minions the pool's provider made (<c>provisioned</c>);
    /// present minions for which the selector holds (<c>selector</c>). The first reason in that order wins.
    /// </summary>
    public static Dictionary<(string Pool, string Minion), string> Compute(
        IReadOnlyList<PoolDefinition> pools,
        IReadOnlyList<MinionRecord> present,
        IReadOnlyList<(string Pool, string Minion)> additions,
        IReadOnlyList<ProvisionedMinion> provisioned)
    {
        var presentIds = present.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var wanted = new Dictionary<(string Pool, string Minion), string>();
        foreach (var pool in pools)
        {
            foreach (var (_, minion) in additions.Where(a => a.Pool == pool.Name))
            {
                wanted[(pool.Name, minion)] = "added";
            }

            foreach (var minion in provisioned.Where(p => p.Pool == pool.Name && presentIds.Contains(p.Minion)))
            {
                wanted.TryAdd((pool.Name, minion.Minion), "provisioned");
            }

            if (pool.Select is { } select)
            {
                foreach (var minion in present.Where(m => TargetVariables.Holds(select, new TargetCandidate(m.Id, m.Grains, []))))
                {
                    wanted.TryAdd((pool.Name, minion.Id), "selector");
                }
            }
        }

        return wanted;
    }

    /// <summary>Why a member left: its provider destroyed it, it was lost, its explicit membership was removed, or its grains no longer match.</summary>
    public static string LeaveReason(PoolMember member, IReadOnlySet<string> presentIds, IReadOnlyList<ProvisionedMinion> provisioned) =>
        member.Reason == "provisioned" && !provisioned.Any(p => p.Minion == member.Minion) ? "destroyed"
        : !presentIds.Contains(member.Minion) ? "lost"
        : member.Reason == "added" ? "removed"
        : "selector";
}
