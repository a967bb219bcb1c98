using System.Diagnostics.CodeAnalysis;

namespace EventReactor.Core.Rules;

/// <summary>
/// Values keyed by a literal prefix or suffix. The keys come in few distinct lengths, so a tag is
/// looked up once per length by slicing it, without allocating: a handful of hash lookups instead of
/// a character-by-character walk through linked nodes.
/// </summary>
internal sealed class AffixTable<TValue>
{
    private readonly Dictionary<string, TValue>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    // Per length, a bit per (character mod 64) of the keys' inner edge: the last character of a
    // prefix, the first of a suffix. Most lengths are ruled out by this before any hashing.
    private readonly ulong[] _innerEdges;
    private readonly bool _isSuffix;

    /// <param name="entries">The values by key.</param>
    /// <param name="isSuffix">Whether keys are matched at the end of a tag rather than its start.</param>
    public AffixTable(Dictionary<string, TValue> entries, bool isSuffix)
    {
        var byKey = new Dictionary<string, TValue>(entries, StringComparer.Ordinal);
        _lookup = byKey.GetAlternateLookup<ReadOnlySpan<char>>();
        _isSuffix = isSuffix;
        Lengths = [.. byKey.Keys.Select(key => key.Length).Distinct().Order()];
        _innerEdges = new ulong[Lengths.Length];
        foreach (var key in byKey.Keys)
        {
            var at = Array.IndexOf(Lengths, key.Length);
            _innerEdges[at] |= key.Length == 0 ? ulong.MaxValue : Bit(isSuffix ? key[0] : key[^1]);
        }
    }

    /// <summary>The distinct key lengths, shortest first.</summary>
    public int[] Lengths { get; }

    /// <summary>The value whose key is the tag's prefix or suffix of the length at <paramref name="lengthIndex"/> in <see cref="Lengths"/>.</summary>
    public bool TryGet(ReadOnlySpan<char> tag, int lengthIndex, [MaybeNullWhen(false)] out TValue value)
    {
        var length = Lengths[lengthIndex];
        var key = _isSuffix ? tag[^length..] : tag[..length];
        if (length > 0 && (_innerEdges[lengthIndex] & Bit(_isSuffix ? key[0] : key[^1])) == 0)
        {
            value = default;
            return false;
        }

        return _lookup.TryGetValue(key, out value);
    }

    private static ulong Bit(char c) => 1UL << (c & 63);
}
