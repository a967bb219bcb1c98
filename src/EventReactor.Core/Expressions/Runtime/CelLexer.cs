using System.Globalization;
using System.Text;

namespace EventReactor.Core.Expressions.Runtime;

/// <summary>Splits CEL text into tokens: numbers, all string and bytes literal forms, identifiers, symbols, comments.</summary>
internal static class CelLexer
{
    private static readonly string[] Symbols =
        ["==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "?", ":", "+", "-", "*", "/", "%", ".", ",", "(", ")", "[", "]", "{", "}"];

    public static List<CelToken> Tokenize(string text)
    {
        var tokens = new List<CelToken>();
        var i = 0;
        while (SkipBlank(text, ref i))
        {
            tokens.Add(Next(text, ref i));
        }

        tokens.Add(new CelToken(CelTokenKind.End, string.Empty, text.Length));
        return tokens;
    }

    /// <summary>
    /// Where a <c>${{ ... }}</c> expression that starts at <paramref name="start"/> ends: the offset of the
    /// first <c>}}</c> outside string literals and outside the expression's own braces; -1 when there is none.
    /// </summary>
    public static int FindTemplateEnd(string text, int start)
    {
        var depth = 0;
        var i = start;
        while (SkipBlank(text, ref i))
        {
            if (depth == 0 && text.AsSpan(i).StartsWith("}}", StringComparison.Ordinal))
            {
                return i;
            }

            CelToken token;
            try
            {
                token = Next(text, ref i);
            }
            catch (CelSyntaxError)
            {
                i++;
                continue;
            }

            if (token.Kind == CelTokenKind.Symbol)
            {
                depth += token.Text switch
                {
                    "{" or "(" or "[" => 1,
                    "}" or ")" or "]" => depth > 0 ? -1 : 0,
                    _ => 0,
                };
            }
        }

        return -1;
    }

    private static CelToken Next(string text, ref int i)
    {
        var start = i;
        var c = text[i];
        if (char.IsAsciiLetter(c) || c == '_')
        {
            while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
            {
                i++;
            }

            var word = text[start..i];
            if (i < text.Length && text[i] is '\'' or '"' && IsStringPrefix(word))
            {
                return ReadString(text, ref i, start, raw: word.Contains('r', StringComparison.OrdinalIgnoreCase), bytes: word.Contains('b', StringComparison.OrdinalIgnoreCase));
            }

            return word switch
            {
                "true" => new CelToken(CelTokenKind.Literal, word, start, RuntimeValues.True),
                "false" => new CelToken(CelTokenKind.Literal, word, start, RuntimeValues.False),
                "null" => new CelToken(CelTokenKind.Literal, word, start, null),
                _ => new CelToken(CelTokenKind.Identifier, word, start),
            };
        }

        if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
        {
            return ReadNumber(text, ref i);
        }

        if (c is '\'' or '"')
        {
            return ReadString(text, ref i, start, raw: false, bytes: false);
        }

        if (c == '`')
        {
            var end = text.IndexOf('`', i + 1);
            if (end < 0 || end == i + 1)
            {
                throw new CelSyntaxError(i, "a field name in backticks is not closed");
            }

            i = end + 1;
            return new CelToken(CelTokenKind.QuotedIdentifier, text[(start + 1)..end], start);
        }

        foreach (var symbol in Symbols)
        {
            if (text.AsSpan(i).StartsWith(symbol, StringComparison.Ordinal))
            {
                i += symbol.Length;
                return new CelToken(CelTokenKind.Symbol, symbol, start);
            }
        }

        throw new CelSyntaxError(i, $"unexpected character '{c}'");
    }

    private static bool IsStringPrefix(string word) =>
        word.Length <= 2 && word.All(c => c is 'r' or 'R' or 'b' or 'B') && (word.Length == 1 || char.ToLowerInvariant(word[0]) != char.ToLowerInvariant(word[1]));

    // Blanks and // comments; false at the end of the text.
    private static bool SkipBlank(string text, ref int i)
    {
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            else if (text.AsSpan(i).StartsWith("//", StringComparison.Ordinal))
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    private static CelToken ReadNumber(string text, ref int i)
    {
        var start = i;
        if (text[i] == '0' && i + 1 < text.Length && text[i + 1] is 'x' or 'X')
        {
            i += 2;
            var hexStart = i;
            while (i < text.Length && char.IsAsciiHexDigit(text[i]))
            {
                i++;
            }

            var hex = text[hexStart..i];
            var unsigned = TakeUnsignedSuffix(text, ref i);
            if (!ulong.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value) || hex.Length == 0)
            {
                throw new CelSyntaxError(start, "invalid hex literal");
            }

            return unsigned ? new CelToken(CelTokenKind.Literal, text[start..i], start, value)
                : value <= long.MaxValue ? new CelToken(CelTokenKind.Literal, text[start..i], start, (long)value)
                : value == 1UL << 63 ? new CelToken(CelTokenKind.IntegerLiteral, text[start..i], start, "9223372036854775808")
                : throw new CelSyntaxError(start, "int literal out of range");
        }

        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
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
            var exponent = i + 1;
            if (exponent < text.Length && text[exponent] is '+' or '-')
            {
                exponent++;
            }

            if (exponent < text.Length && char.IsAsciiDigit(text[exponent]))
            {
                isDouble = true;
                i = exponent;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }
            }
        }

        var digits = text[start..i];
        if (isDouble)
        {
            return double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var real)
                ? new CelToken(CelTokenKind.Literal, digits, start, real)
                : throw new CelSyntaxError(start, "invalid double literal");
        }

        if (TakeUnsignedSuffix(text, ref i))
        {
            return ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var unsigned)
                ? new CelToken(CelTokenKind.Literal, text[start..i], start, unsigned)
                : throw new CelSyntaxError(start, "uint literal out of range");
        }

        return new CelToken(CelTokenKind.IntegerLiteral, digits, start, digits);
    }

    private static bool TakeUnsignedSuffix(string text, ref int i)
    {
        if (i < text.Length && text[i] is 'u' or 'U')
        {
            i++;
            return true;
        }

        return false;
    }

    private static CelToken ReadString(string text, ref int i, int start, bool raw, bool bytes)
    {
        var quote = text[i];
        var triple = text.AsSpan(i).StartsWith(new string(quote, 3), StringComparison.Ordinal);
        var delimiter = triple ? new string(quote, 3) : quote.ToString();
        i += delimiter.Length;
        var content = new List<byte>();
        while (true)
        {
            if (i >= text.Length || (!triple && text[i] is '\n' or '\r'))
            {
                throw new CelSyntaxError(start, "string literal is not closed");
            }

            if (text.AsSpan(i).StartsWith(delimiter, StringComparison.Ordinal))
            {
                i += delimiter.Length;
                break;
            }

            if (text[i] == '\\' && !raw)
            {
                ReadEscape(text, ref i, content, bytes);
            }
            else
            {
                var length = char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1;
                AppendUtf8(content, text.Substring(i, length));
                i += length;
            }
        }

        var value = content.ToArray();
        if (bytes)
        {
            return new CelToken(CelTokenKind.Literal, text[start..i], start, new CelBytes(value));
        }

        try
        {
            return new CelToken(CelTokenKind.Literal, text[start..i], start, new UTF8Encoding(false, true).GetString(value));
        }
        catch (DecoderFallbackException)
        {
            throw new CelSyntaxError(start, "string literal is not valid UTF-8");
        }
    }

    // In a string an escape names a code point; in bytes, \x and octal escapes name one byte.
    private static void ReadEscape(string text, ref int i, List<byte> content, bool bytes)
    {
        var at = i;
        if (i + 1 >= text.Length)
        {
            throw new CelSyntaxError(at, "unfinished escape sequence");
        }

        var c = text[i + 1];
        i += 2;
        switch (c)
        {
            case 'a': content.Add(7); return;
            case 'b': content.Add(8); return;
            case 'f': content.Add(12); return;
            case 'n': content.Add(10); return;
            case 'r': content.Add(13); return;
            case 't': content.Add(9); return;
            case 'v': content.Add(11); return;
            case '\\' or '\'' or '"' or '`' or '?': content.Add((byte)c); return;
            case 'x' or 'X':
                AddCodeOrByte(content, ReadDigits(text, ref i, 2, 16, at), bytes, at);
                return;
            case 'u':
                AddCodePoint(content, ReadDigits(text, ref i, 4, 16, at), at);
                return;
            case 'U':
                AddCodePoint(content, ReadDigits(text, ref i, 8, 16, at), at);
                return;
            case >= '0' and <= '3':
                i--;
                AddCodeOrByte(content, ReadDigits(text, ref i, 3, 8, at), bytes, at);
                return;
            default:
                throw new CelSyntaxError(at, $"invalid escape sequence '\\{c}'");
        }
    }

    private static int ReadDigits(string text, ref int i, int count, int radix, int at)
    {
        var value = 0;
        for (var n = 0; n < count; n++, i++)
        {
            var digit = i < text.Length ? HexValue(text[i]) : -1;
            if (digit < 0 || digit >= radix)
            {
                throw new CelSyntaxError(at, "invalid escape sequence");
            }

            value = (value * radix) + digit;
        }

        return value;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    private static void AddCodeOrByte(List<byte> content, int value, bool bytes, int at)
    {
        if (bytes)
        {
            content.Add((byte)value);
        }
        else
        {
            AddCodePoint(content, value, at);
        }
    }

    private static void AddCodePoint(List<byte> content, int code, int at)
    {
        if (code > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF)
        {
            throw new CelSyntaxError(at, "invalid code point in escape sequence");
        }

        AppendUtf8(content, char.ConvertFromUtf32(code));
    }

    private static void AppendUtf8(List<byte> content, string text) => content.AddRange(Encoding.UTF8.GetBytes(text));
}
