namespace EventReactor.Core.Rules;

/// <summary>The globs that share one literal prefix, in a trie of their literal suffixes read backwards.</summary>
internal sealed class SuffixTrie
{
    private readonly CharTrieNode<GlobBucket> _root = new();

    public void Add(string suffix, GlobEntry entry)
    {
        var node = _root;
        for (var i = suffix.Length - 1; i >= 0; i--)
        {
            node = node.GetOrAdd(suffix[i]);
        }

        node.GetOrAddValue().Add(entry);
    }

    public void Seal() => Seal(_root);

    /// <summary>Adds the rule index of every glob whose suffix the tag ends with and that matches the tag.</summary>
    public void CollectMatches(string tag, List<int> hits)
    {
        var node = _root;
        Collect(node, tag, hits);
        for (var i = tag.Length - 1; i >= 0; i--)
        {
            node = node.Next(tag[i]);
            if (node is null)
            {
                return;
            }

            Collect(node, tag, hits);
        }
    }

    private static void Collect(CharTrieNode<GlobBucket> node, string tag, List<int> hits)
    {
        if (node.Value is null)
        {
            return;
        }

        foreach (var entry in node.Value.Globs)
        {
            if (entry.Glob.IsMatch(tag.AsSpan()))
            {
                hits.Add(entry.RuleIndex);
            }
        }
    }

    private static void Seal(CharTrieNode<GlobBucket> node)
    {
        node.Value?.Seal();
        foreach (var child in node.Children)
        {
            Seal(child);
        }
    }
}
