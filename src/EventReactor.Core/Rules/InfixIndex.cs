using System.Buffers;

namespace EventReactor.Core.Rules;

/// <summary>
/// Globs with neither a literal prefix nor a literal suffix (such as <c>*/pool-01/[jl]*</c>), found by
/// a literal they contain: one vectorised multi-string search over the tag finds which of those
/// literals occur, and only their globs are tested. Globs with no literal at all are always tested.
/// </summary>
internal sealed class InfixIndex
{
    private readonly string[] _literals;
    private readonly GlobEntry[][] _byLiteral;
    private readonly SearchValues<string> _search;
    private readonly GlobEntry[] _always;

    public InfixIndex(IEnumerable<GlobEntry> entries)
    {
        var byLiteral = new Dictionary<string, List<GlobEntry>>(StringComparer.Ordinal);
        var always = new List<GlobEntry>();
        foreach (var entry in entries)
        {
            var literal = entry.Glob.LongestLiteral;
            if (literal.Length == 0)
            {
                always.Add(entry);
            }
            else if (byLiteral.TryGetValue(literal, out var list))
            {
                list.Add(entry);
            }
            else
            {
                byLiteral[literal] = [entry];
            }
        }

        _literals = [.. byLiteral.Keys];
        _byLiteral = [.. _literals.Select(literal => byLiteral[literal].ToArray())];
        _search = SearchValues.Create(_literals, StringComparison.Ordinal);
        _always = [.. always];
    }

    /// <summary>Adds the rule index of every glob here that matches the tag (a rule may be added twice).</summary>
    public void CollectMatches(ReadOnlySpan<char> tag, List<int> hits)
    {
        Test(_always, tag, hits);
        if (_literals.Length == 0)
        {
            return;
        }

        var position = 0;
        while (position < tag.Length)
        {
            var found = tag[position..].IndexOfAny(_search);
            if (found < 0)
            {
                return;
            }

            position += found;
            var rest = tag[position..];
            for (var i = 0; i < _literals.Length; i++)
            {
                if (rest.StartsWith(_literals[i], StringComparison.Ordinal))
                {
                    Test(_byLiteral[i], tag, hits);
                }
            }

            position++;
        }
    }

    private static void Test(GlobEntry[] entries, ReadOnlySpan<char> tag, List<int> hits)
    {
        foreach (var entry in entries)
        {
            if (entry.Glob.IsMatch(tag))
            {
                hits.Add(entry.RuleIndex);
            }
        }
    }
}
