using EventReactor.Core.Tags;

namespace EventReactor.Core.Rules;

/// <summary>
/// Finds the rules whose globs match a tag without testing every glob: literal globs by dictionary,
/// the rest by walking a trie of their literal prefixes along the tag and, where a prefix ends, a
/// trie of literal suffixes backwards from the tag's end. Only globs whose prefix the tag starts
/// with and whose suffix it ends with are tested; an empty prefix or suffix is the trie's root.
/// </summary>
internal sealed class RuleIndex
{
    private readonly IReadOnlyList<Rule> _rules;
    private readonly Dictionary<string, int[]> _exact = new(StringComparer.Ordinal);
    private readonly CharTrieNode<SuffixTrie> _root = new();

    [ThreadStatic]
    private static List<int>? _threadHits;

    public RuleIndex(IReadOnlyList<Rule> rules)
    {
        _rules = rules;
        var exact = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var ruleIndex = 0; ruleIndex < rules.Count; ruleIndex++)
        {
            foreach (var glob in rules[ruleIndex].On)
            {
                if (glob.IsLiteral)
                {
                    AddExact(exact, glob.Pattern, ruleIndex);
                }
                else
                {
                    AddToTrie(glob, ruleIndex);
                }
            }
        }

        foreach (var (tag, indices) in exact)
        {
            _exact[tag] = [.. indices];
        }

        Seal(_root);
    }

    /// <summary>The matching rules in evaluation order, each once.</summary>
    public IReadOnlyList<Rule> Match(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var hits = _threadHits ??= [];
        hits.Clear();
        _exact.TryGetValue(tag, out var exactHits);

        var node = _root;
        node.Value?.CollectMatches(tag, hits);
        for (var i = 0; i < tag.Length; i++)
        {
            node = node.Next(tag[i]);
            if (node is null)
            {
                break;
            }

            node.Value?.CollectMatches(tag, hits);
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

    private void AddToTrie(TagGlob glob, int ruleIndex)
    {
        var node = _root;
        foreach (var c in glob.LiteralPrefix)
        {
            node = node.GetOrAdd(c);
        }

        node.GetOrAddValue().Add(glob.LiteralSuffix, new GlobEntry(ruleIndex, glob));
    }

    private static void Seal(CharTrieNode<SuffixTrie> node)
    {
        node.Value?.Seal();
        foreach (var child in node.Children)
        {
            Seal(child);
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
