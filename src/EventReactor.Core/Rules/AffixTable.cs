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

    public AffixTable(Dictionary<string, TValue> entries)
    {
        var byKey = new Dictionary<string, TValue>(entries, StringComparer.Ordinal);
        _lookup = byKey.GetAlternateLookup<ReadOnlySpan<char>>();
        Lengths = [.. byKey.Keys.Select(key => key.Length).Distinct().Order()];
    }

    /// <summary>The distinct key lengths, shortest first.</summary>
    public int[] Lengths { get; }

    public bool TryGet(ReadOnlySpan<char> key, [MaybeNullWhen(false)] out TValue value) => _lookup.TryGetValue(key, out value);
}
