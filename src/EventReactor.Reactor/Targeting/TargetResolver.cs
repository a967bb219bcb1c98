using EventReactor.Core.Targeting;
using EventReactor.Reactor.Minions;
using EventReactor.Reactor.Pools;

namespace EventReactor.Reactor.Targeting;

/// <summary>Resolves a target against the present minions, their grains and their pools; no match is a <see cref="TargetException"/>.</summary>
internal sealed class TargetResolver(IMinionStore minions, PoolState pools)
{
    public async Task<IReadOnlyList<string>> ResolveAsync(string target, string? targetType, CancellationToken cancellationToken)
    {
        var present = (await minions.ListAsync(cancellationToken)).Where(m => m.Present).ToList();
        var memberships = pools.Members.ToLookup(m => m.Minion, m => m.Pool, StringComparer.Ordinal);
        var candidates = present.Select(m => new TargetCandidate(m.Id, m.Grains, memberships[m.Id].ToList())).ToList();
        return TargetMatcher.Resolve(target, targetType, candidates);
    }
}
