namespace EventReactor.Core.Tags;

/// <summary>
/// A shell-style glob over event tags that matches exactly as Python 3.11's
/// <c>fnmatch.fnmatchcase</c>: <c>*</c> matches any run of characters (including <c>/</c>),
/// <c>?</c> any one character, <c>[seq]</c>/<c>[!seq]</c> a character class; backslash is an
/// ordinary character. Matching is case-sensitive and ordinal, by Unicode code point.
/// </summary>
/// <remarks>Instances are immutable and safe to share between threads; matching does not allocate.</remarks>
public sealed class TagGlob
{
    private readonly GlobToken[] _tokens;
    private readonly GlobStrategy _strategy;

    // The literal the Exact, Prefix and Suffix strategies compare against.
    private readonly string _fixed;

    private TagGlob(string pattern, GlobToken[] tokens)
    {
        Pattern = pattern;
        _tokens = tokens;
        LiteralPrefix = tokens is [{ Kind: GlobTokenKind.Literal } first, ..] ? first.Literal : string.Empty;
        LiteralSuffix = tokens is [.., { Kind: GlobTokenKind.Literal } last] ? last.Literal : string.Empty;
        LongestLiteral = tokens.Where(token => token.Kind == GlobTokenKind.Literal)
            .Select(token => token.Literal)
            .MaxBy(literal => literal.Length) ?? string.Empty;
        (_strategy, _fixed) = tokens switch
        {
            [] => (GlobStrategy.Exact, string.Empty),
            [{ Kind: GlobTokenKind.Literal } only] => (GlobStrategy.Exact, only.Literal),
            [{ Kind: GlobTokenKind.Star }] => (GlobStrategy.Prefix, string.Empty),
            [{ Kind: GlobTokenKind.Literal } head, { Kind: GlobTokenKind.Star }] => (GlobStrategy.Prefix, head.Literal),
            [{ Kind: GlobTokenKind.Star }, { Kind: GlobTokenKind.Literal } tail] => (GlobStrategy.Suffix, tail.Literal),
            _ => (GlobStrategy.Tokens, string.Empty),
        };
    }

    /// <summary>The pattern text as given to <see cref="Parse"/>.</summary>
    public string Pattern { get; }

    /// <summary>
    /// True when the pattern has no <c>*</c>, <c>?</c> or character class (an unclosed <c>[</c> is
    /// literal text), so <see cref="IsMatch(string)"/> is ordinal equality with <see cref="Pattern"/>.
    /// </summary>
    public bool IsLiteral => _strategy == GlobStrategy.Exact;

    /// <summary>
    /// The characters before the first <c>*</c>, <c>?</c> or <c>[</c> that opens a real class;
    /// every matching tag starts with it (ordinal). The whole pattern when <see cref="IsLiteral"/>.
    /// </summary>
    public string LiteralPrefix { get; }

    /// <summary>
    /// The characters after the last <c>*</c>, <c>?</c> or character class; every matching tag ends with
    /// it (ordinal). The whole pattern when <see cref="IsLiteral"/>.
    /// </summary>
    public string LiteralSuffix { get; }

    // The longest run of literal characters anywhere in the pattern: every matching tag contains it.
    internal string LongestLiteral { get; }

    /// <summary>Compiles <paramref name="pattern"/>. Every string is a valid pattern.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="pattern"/> is null.</exception>
    public static TagGlob Parse(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return new TagGlob(pattern, GlobParser.Tokenize(pattern));
    }

    /// <summary>Whether the whole of <paramref name="tag"/> matches the pattern.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="tag"/> is null.</exception>
    public bool IsMatch(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        return IsMatch(tag.AsSpan());
    }

    /// <summary>Whether the whole of <paramref name="tag"/> matches the pattern.</summary>
    public bool IsMatch(ReadOnlySpan<char> tag) => _strategy switch
    {
        GlobStrategy.Exact => tag.SequenceEqual(_fixed),
        GlobStrategy.Prefix => tag.StartsWith(_fixed, StringComparison.Ordinal) && !SplitsPair(tag, _fixed.Length),
        GlobStrategy.Suffix => tag.EndsWith(_fixed, StringComparison.Ordinal) && !SplitsPair(tag, tag.Length - _fixed.Length),
        _ => MatchTokens(tag),
    };

    /// <summary>Returns <see cref="Pattern"/>.</summary>
    public override string ToString() => Pattern;

    // Greedy matching that only ever backtracks the most recent star. That is exact here because
    // every token other than a star consumes a fixed number of code points, so placing each
    // star-separated segment at its leftmost fit never loses a match (Python's atomic
    // "(?>.*?segment)" relies on the same fact). O(tag * pattern) worst case, no allocation.
    private bool MatchTokens(ReadOnlySpan<char> text)
    {
        var tokens = _tokens;
        var ti = 0;
        var pos = 0;
        var starTi = -1;
        var starPos = 0;
        while (true)
        {
            if (ti < tokens.Length)
            {
                ref readonly var token = ref tokens[ti];
                if (token.Kind == GlobTokenKind.Star)
                {
                    if (ti == tokens.Length - 1)
                    {
                        return true;
                    }

                    starTi = ti;
                    starPos = pos;
                    ti++;
                    continue;
                }

                if (token.Kind == GlobTokenKind.Literal && starTi >= 0 && ti == starTi + 1)
                {
                    // Right after a star: jump to the next place the literal occurs.
                    var found = IndexOfLiteral(text, pos, token.Literal);
                    if (found < 0)
                    {
                        return false;
                    }

                    starPos = pos = found;
                }

                var width = MatchOne(token, text, pos);
                if (width >= 0)
                {
                    pos += width;
                    ti++;
                    continue;
                }
            }
            else if (pos == text.Length)
            {
                return true;
            }

            if (starTi < 0 || starPos >= text.Length)
            {
                return false;
            }

            starPos += CodePointWidth(text, starPos);
            pos = starPos;
            ti = starTi + 1;
        }
    }

    // Characters consumed by a non-star token at pos, or -1 when it does not match there.
    private static int MatchOne(in GlobToken token, ReadOnlySpan<char> text, int pos)
    {
        if (token.Kind == GlobTokenKind.Literal)
        {
            var literal = token.Literal;
            return text[pos..].StartsWith(literal, StringComparison.Ordinal) && !SplitsPair(text, pos + literal.Length)
                ? literal.Length
                : -1;
        }

        if (pos >= text.Length)
        {
            return -1;
        }

        var width = CodePointWidth(text, pos);
        if (token.Kind == GlobTokenKind.AnyChar)
        {
            return width;
        }

        var codePoint = width == 2 ? char.ConvertToUtf32(text[pos], text[pos + 1]) : text[pos];
        return token.Set!.Contains(codePoint) ? width : -1;
    }

    // Next occurrence of literal at or after start that begins on a code point boundary.
    private static int IndexOfLiteral(ReadOnlySpan<char> text, int start, string literal)
    {
        while (start <= text.Length)
        {
            var offset = text[start..].IndexOf(literal, StringComparison.Ordinal);
            if (offset < 0)
            {
                return -1;
            }

            var found = start + offset;
            if (!SplitsPair(text, found))
            {
                return found;
            }

            start = found + 1;
        }

        return -1;
    }

    // A surrogate pair is one character to Python, so no match may begin or end inside one.
    private static bool SplitsPair(ReadOnlySpan<char> text, int index) =>
        index > 0 && index < text.Length && char.IsHighSurrogate(text[index - 1]) && char.IsLowSurrogate(text[index]);

    private static int CodePointWidth(ReadOnlySpan<char> text, int pos) =>
        char.IsHighSurrogate(text[pos]) && pos + 1 < text.Length && char.IsLowSurrogate(text[pos + 1]) ? 2 : 1;
}
