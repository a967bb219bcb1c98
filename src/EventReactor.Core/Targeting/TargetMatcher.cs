using EventReactor.Core.Diagnostics;
using EventReactor.Core.Expressions;
using EventReactor.Core.Tags;

namespace EventReactor.Core.Targeting;

/// <summary>Matches a target (<c>tgt</c> and <c>tgt_type</c>) against minions; pure, so the reactor, actions and tests share it.</summary>
public static class TargetMatcher
{
    /// <summary>The candidates the target names, in id order; an empty result is an error that lists what was there.</summary>
    public static IReadOnlyList<string> Resolve(string target, string? targetType, IReadOnlyCollection<TargetCandidate> candidates)
    {
        var type = string.IsNullOrEmpty(targetType) ? TargetTypes.Glob : targetType;
        var matched = Match(target, type, candidates);

        // An empty target is a mistake to report, not an empty success.
        return matched.Count > 0
            ? matched
            : throw new TargetException($"target '{target}' ({type}) matches no present minion; present: {(candidates.Count == 0 ? "none" : string.Join(", ", candidates.Select(c => c.Id).Order(StringComparer.Ordinal)))}");
    }

    public static IReadOnlyList<string> Match(string target, string targetType, IReadOnlyCollection<TargetCandidate> candidates)
    {
        if (string.IsNullOrWhiteSpace(target))
        {
            throw new TargetException("the target is empty");
        }

        Func<TargetCandidate, bool> predicate = targetType switch
        {
            TargetTypes.Glob => GlobPredicate(target),
            TargetTypes.List => ListPredicate(target),
            TargetTypes.Grain => GrainPredicate(target),
            TargetTypes.Pool => candidate => candidate.Pools.Contains(target, StringComparer.Ordinal),
            TargetTypes.Expr => ExpressionPredicate(target),
            _ => throw new TargetException($"tgt_type '{targetType}' is unknown; use one of {string.Join(", ", TargetTypes.All)}"),
        };
        return candidates.Where(predicate).Select(c => c.Id).Order(StringComparer.Ordinal).ToList();
    }

    private static Func<TargetCandidate, bool> GlobPredicate(string target)
    {
        var glob = TagGlob.Parse(target);
        return candidate => glob.IsMatch(candidate.Id);
    }

    private static Func<TargetCandidate, bool> ListPredicate(string target)
    {
        var ids = target.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        return candidate => ids.Contains(candidate.Id);
    }

    private static Func<TargetCandidate, bool> GrainPredicate(string target)
    {
        var (path, glob) = GrainTarget.Parse(target);
        return candidate => GrainTarget.IsMatch(candidate.Grains, path, glob);
    }

    private static Func<TargetCandidate, bool> ExpressionPredicate(string target)
    {
        CelExpression expression;
        try
        {
            expression = CelCompiler.Compile(target, new SourceLocation("tgt", 1, 1));
        }
        catch (RuleSyntaxException ex)
        {
            throw new TargetException($"expr target is not valid CEL: {ex.Message}", ex);
        }

        return candidate => TargetVariables.Holds(expression, candidate);
    }
}
