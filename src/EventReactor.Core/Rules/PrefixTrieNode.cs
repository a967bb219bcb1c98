namespace EventReactor.Core.Rules;

/// <summary>One character step of the prefix trie: the globs whose literal prefix ends here and the next steps.</summary>
internal sealed class PrefixTrieNode
{
    // Fan-out is small past the first few characters, so parallel arrays searched linearly beat a dictionary.
    private char[] _keys = [];
    private PrefixTrieNode[] _children = [];
    private readonly List<GlobEntry> _pending = [];

    public GlobEntry[] Globs { get; private set; } = [];

    public PrefixTrieNode? Next(char key)
    {
        var keys = _keys;
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i] == key)
            {
                return _children[i];
            }
        }

        return null;
    }

    public PrefixTrieNode GetOrAdd(char key)
    {
        if (Next(key) is { } existing)
        {
            return existing;
        }

        var child = new PrefixTrieNode();
        _keys = [.. _keys, key];
        _children = [.. _children, child];
        return child;
    }

    public void Add(GlobEntry entry) => _pending.Add(entry);

    /// <summary>Freezes the pending globs into the array that matching reads, for this node and below.</summary>
    public void Seal()
    {
        Globs = [.. _pending];
        _pending.Clear();
        foreach (var child in _children)
        {
            child.Seal();
        }
    }
}
