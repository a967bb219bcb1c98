namespace EventReactor.Core.Rules;

/// <summary>One character step of a trie, with the values stored where a key ends.</summary>
internal sealed class CharTrieNode<TValue>
    where TValue : class, new()
{
    // Fan-out is small past the first few characters, so parallel arrays searched linearly beat a dictionary.
    private char[] _keys = [];
    private CharTrieNode<TValue>[] _children = [];

    public TValue? Value { get; private set; }

    public IEnumerable<CharTrieNode<TValue>> Children => _children;

    public CharTrieNode<TValue>? Next(char key)
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

    public CharTrieNode<TValue> GetOrAdd(char key)
    {
        if (Next(key) is { } existing)
        {
            return existing;
        }

        var child = new CharTrieNode<TValue>();
        _keys = [.. _keys, key];
        _children = [.. _children, child];
        return child;
    }

    public TValue GetOrAddValue() => Value ??= new TValue();
}
