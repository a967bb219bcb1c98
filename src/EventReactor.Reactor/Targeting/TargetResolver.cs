using EventReactor.Core.Targeting;
using EventReactor.Reactor.Keys;
using EventReactor.Reactor.Minions;
using EventReactor.Reactor.Pools;

namespace EventReactor.Reactor.Targeting;

/// <summary>
/// Resolves a target against the present minions whose keys are accepted, their grains and their pools; no match is a
/// <see cref="TargetException"/>, which says when the target matched only minions whose keys are not accepted.
/// </summary>
internal sealed class TargetResolver(IMinionStore minions, PoolState pools, IMinionTrust keys)
{
    public async Task<IReadOnlyList<string>> ResolveAsync(string target, string? targetType, CancellationToken cancellationToken)
    {
        var present = (await minions.ListAsync(cancellationToken)).Where(m => m.Present).ToList();
        var memberships = pools.Members.ToLookup(m => m.Minion, m => m.Pool, StringComparer.Ordinal);
        var candidates = present.Select(m => new TargetCandidate(m.Id, m.Grains, memberships[m.Id].ToList())).ToList();
        var matched = TargetMatcher.Resolve(target, targetType, candidates);
        var trusted = new List<string>(matched.Count);
        foreach (var minion in matched)
        {
            if (await keys.IsAcceptedAsync(minion, cancellationToken))
            {
                trusted.Add(minion);
            }
        }

        return trusted.Count > 0
            ? trusted
            : throw new TargetException($"target '{target}' matches only minions whose keys are not accepted: {string.Join(", ", matched)} (eventreactor keys list)");
    }
}
