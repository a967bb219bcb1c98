using EventReactor.Core.Tags;

namespace EventReactor.Core.Rules;

/// <summary>
/// Finds the rules whose globs match a tag without testing every glob. Literal globs are found by a
/// dictionary on the whole tag. The others are grouped by their literal prefix and, inside that, by
/// their literal suffix; only globs whose prefix the tag starts with and whose suffix it ends with are
/// tested (an empty prefix or suffix is a key like any other). Globs with neither go to an
/// <see cref="InfixIndex"/> that finds them by a literal they contain.
/// </summary>
internal sealed class RuleIndex
{
    private readonly IReadOnlyList<Rule> _rules;
    private readonly Dictionary<string, int[]> _exact;
    private readonly AffixTable<AffixTable<GlobEntry[]>> _byPrefix;
    private readonly InfixIndex _infix;

    [ThreadStatic]
    private static List<int>? _threadHits;

    public RuleIndex(IReadOnlyList<Rule> rules)
    {
        _rules = rules;
        var exact = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var byPrefix = new Dictionary<string, Dictionary<string, List<GlobEntry>>>(StringComparer.Ordinal);
        var unanchored = new List<GlobEntry>();
        for (var ruleIndex = 0; ruleIndex < rules.Count; ruleIndex++)
        {
            foreach (var glob in rules[ruleIndex].On)
            {
                if (glob.IsLiteral)
                {
                    AddExact(exact, glob.Pattern, ruleIndex);
                }
                else if (glob.LiteralPrefix.Length == 0 && glob.LiteralSuffix.Length == 0)
                {
                    unanchored.Add(new GlobEntry(ruleIndex, glob));
                }
                else
                {
                    AddAffixed(byPrefix, glob, ruleIndex);
                }
            }
        }

        _exact = exact.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
        _byPrefix = new AffixTable<AffixTable<GlobEntry[]>>(byPrefix.ToDictionary(
            pair => pair.Key,
            pair => new AffixTable<GlobEntry[]>(pair.Value.ToDictionary(inner => inner.Key, inner => inner.Value.ToArray()), isSuffix: true)),
            isSuffix: false);
        _infix = new InfixIndex(unanchored);
    }

    /// <summary>The matching rules in evaluation order, each once.</summary>
    public IReadOnlyList<Rule> Match(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var hits = _threadHits ??= [];
        hits.Clear();
        _exact.TryGetValue(tag, out var exactHits);

        var span = tag.AsSpan();
        _infix.CollectMatches(span, hits);
        var prefixLengths = _byPrefix.Lengths;
        for (var i = 0; i < prefixLengths.Length && prefixLengths[i] <= span.Length; i++)
        {
            if (_byPrefix.TryGet(span, i, out var bySuffix))
            {
                CollectMatches(bySuffix, span, prefixLengths[i], hits);
            }
        }

        if (hits.Count == 0)
        {
            return exactHits is null ? [] : Select(exactHits);
        }

        if (exactHits is not null)
        {
            hits.AddRange(exactHits);
        }

        return SelectSortedDistinct(hits);
    }

    private static void AddExact(Dictionary<string, List<int>> exact, string tag, int ruleIndex)
    {
        if (!exact.TryGetValue(tag, out var list))
        {
            exact[tag] = list = [];
        }

        // Rules are added in order, so a repeat of the same rule can only be the last entry.
        if (list.Count == 0 || list[^1] != ruleIndex)
        {
            list.Add(ruleIndex);
        }
    }

    private static void AddAffixed(Dictionary<string, Dictionary<string, List<GlobEntry>>> byPrefix, TagGlob glob, int ruleIndex)
    {
        if (!byPrefix.TryGetValue(glob.LiteralPrefix, out var bySuffix))
        {
            byPrefix[glob.LiteralPrefix] = bySuffix = new Dictionary<string, List<GlobEntry>>(StringComparer.Ordinal);
        }

        if (!bySuffix.TryGetValue(glob.LiteralSuffix, out var entries))
        {
            bySuffix[glob.LiteralSuffix] = entries = [];
        }

        entries.Add(new GlobEntry(ruleIndex, glob));
    }

    // Prefix and suffix are separate tokens of the glob, so a match holds both without overlap.
    private static void CollectMatches(AffixTable<GlobEntry[]> bySuffix, ReadOnlySpan<char> tag, int prefixLength, List<int> hits)
    {
        var suffixLengths = bySuffix.Lengths;
        for (var i = 0; i < suffixLengths.Length && prefixLength + suffixLengths[i] <= tag.Length; i++)
        {
            if (!bySuffix.TryGet(tag, i, out var entries))
            {
                continue;
            }

            foreach (var entry in entries)
            {
                if (entry.Glob.IsMatch(tag))
                {
                    hits.Add(entry.RuleIndex);
                }
            }
        }
    }

    private Rule[] Select(int[] indices)
    {
        var result = new Rule[indices.Length];
        for (var i = 0; i < indices.Length; i++)
        {
            result[i] = _rules[indices[i]];
        }

        return result;
    }

    private Rule[] SelectSortedDistinct(List<int> hits)
    {
        hits.Sort();
        var distinct = 1;
        for (var i = 1; i < hits.Count; i++)
        {
            if (hits[i] != hits[i - 1])
            {
                distinct++;
            }
        }

        var result = new Rule[distinct];
        result[0] = _rules[hits[0]];
        for (int i = 1, j = 1; i < hits.Count; i++)
        {
            if (hits[i] != hits[i - 1])
            {
                result[j++] = _rules[hits[i]];
            }
        }

        return result;
    }
}
