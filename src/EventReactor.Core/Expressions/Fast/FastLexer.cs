using System.Globalization;

namespace EventReactor.Core.Expressions.Fast;

/// <summary>
/// Splits the common CEL subset into tokens. Returns null for anything it does not read exactly as the
/// Cel package does (escapes, raw, triple-quoted and byte strings, hex numbers, comments, ...).
/// </summary>
internal static class FastLexer
{
    private static readonly string[] Symbols =
        ["==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "?", ":", "+", "-", "*", "/", "%", ".", ",", "(", ")", "[", "]"];

    public static List<FastToken>? Tokenize(string text)
    {
        var tokens = new List<FastToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                i++;
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                var word = text[start..i];
                if (i < text.Length && text[i] is '\'' or '"' && word is "r" or "R" or "b" or "B")
                {
                    return null;
                }

                tokens.Add(word switch
                {
                    "true" => new FastToken(FastTokenKind.Literal, word, FastValues.True),
                    "false" => new FastToken(FastTokenKind.Literal, word, FastValues.False),
                    "null" => new FastToken(FastTokenKind.Literal, word, null),
                    _ => new FastToken(FastTokenKind.Identifier, word),
                });
            }
            else if (char.IsAsciiDigit(c))
            {
                if (ReadNumber(text, ref i) is not { } number)
                {
                    return null;
                }

                tokens.Add(number);
            }
            else if (c is '\'' or '"')
            {
                var end = text.IndexOf(c, i + 1);
                var body = end < 0 ? null : text[(i + 1)..end];
                if (body is null || body.Contains('\\') || body.Contains('\n') || (body.Length == 0 && end + 1 < text.Length && text[end + 1] == c))
                {
                    return null;
                }

                tokens.Add(new FastToken(FastTokenKind.Literal, text[i..(end + 1)], body));
                i = end + 1;
            }
            else if (Symbols.FirstOrDefault(symbol => text.AsSpan(i).StartsWith(symbol, StringComparison.Ordinal)) is { } symbol
                && !(symbol == "/" && i + 1 < text.Length && text[i + 1] == '/'))
            {
                tokens.Add(new FastToken(FastTokenKind.Symbol, symbol));
                i += symbol.Length;
            }
            else
            {
                return null;
            }
        }

        tokens.Add(new FastToken(FastTokenKind.End, string.Empty));
        return tokens;
    }

    // Decimal int, uint (suffix u) or double (fraction and/or exponent); hex and other forms go to the package.
    private static FastToken? ReadNumber(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i < text.Length && text[i] is 'x' or 'X')
        {
            return null;
        }

        var isDouble = false;
        if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
        {
            isDouble = true;
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            isDouble = true;
            i++;
            if (i < text.Length && text[i] is '+' or '-')
            {
                i++;
            }

            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        var digits = text[start..i];
        if (isDouble)
        {
            return double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var real)
                ? new FastToken(FastTokenKind.Literal, digits, real)
                : null;
        }

        if (i < text.Length && text[i] is 'u' or 'U')
        {
            i++;
            return ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var unsigned)
                ? new FastToken(FastTokenKind.Literal, digits, unsigned)
                : null;
        }

        // Kept as text so that a leading minus can make long.MinValue; the parser converts it.
        return new FastToken(FastTokenKind.Literal, digits, new IntegerDigits(digits));
    }
}
