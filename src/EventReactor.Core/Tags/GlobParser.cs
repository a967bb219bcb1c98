using System.Text;

namespace EventReactor.Core.Tags;

// Mirrors Python 3.11's fnmatch.translate, producing tokens instead of a regex. Works on code
// points (a surrogate pair is one character, as in a Python str) so '?' and classes agree.
internal static class GlobParser
{
    public static GlobToken[] Tokenize(string pattern)
    {
        var pat = ToCodePoints(pattern);
        var tokens = new List<GlobToken>();
        var literal = new StringBuilder();

        void FlushLiteral()
        {
            if (literal.Length > 0)
            {
                tokens.Add(GlobToken.ForLiteral(literal.ToString()));
                literal.Clear();
            }
        }

        int i = 0, n = pat.Length;
        while (i < n)
        {
            var c = pat[i];
            i++;
            switch (c)
            {
                case '*':
                    FlushLiteral();
                    if (tokens.Count == 0 || tokens[^1].Kind != GlobTokenKind.Star)
                    {
                        tokens.Add(GlobToken.Star);
                    }

                    break;

                case '?':
                    FlushLiteral();
                    tokens.Add(GlobToken.AnyChar);
                    break;

                case '[':
                    // A ']' straight after '[' or '[!' is a member, not the end.
                    var j = i;
                    if (j < n && pat[j] == '!')
                    {
                        j++;
                    }

                    if (j < n && pat[j] == ']')
                    {
                        j++;
                    }

                    while (j < n && pat[j] != ']')
                    {
                        j++;
                    }

                    if (j >= n)
                    {
                        // No closing ']': a literal '[', and scanning resumes right after it.
                        literal.Append('[');
                    }
                    else
                    {
                        FlushLiteral();
                        tokens.Add(TranslateClass(pat, i, j));
                        i = j + 1;
                    }

                    break;

                default:
                    AppendCodePoint(literal, c);
                    break;
            }
        }

        FlushLiteral();
        return [.. tokens];
    }

    public static void AppendCodePoint(StringBuilder text, int codePoint)
    {
        if (codePoint <= char.MaxValue)
        {
            // Includes lone surrogates, which Python also keeps as single code points.
            text.Append((char)codePoint);
        }
        else
        {
            var offset = codePoint - 0x10000;
            text.Append((char)(0xD800 + (offset >> 10))).Append((char)(0xDC00 + (offset & 0x3FF)));
        }
    }

    private static int[] ToCodePoints(string text)
    {
        var result = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                result.Add(char.ConvertToUtf32(c, text[i + 1]));
                i++;
            }
            else
            {
                result.Add(c);
            }
        }

        return [.. result];
    }

    // pat[start..end] is what sits between '[' and its closing ']'. The steps (and their odd
    // results, such as "[z-a!b]" turning into a negated class) follow translate() line by line.
    private static GlobToken TranslateClass(int[] pat, int start, int end)
    {
        var body = new List<int>();
        if (Array.IndexOf(pat, '-', start, end - start) < 0)
        {
            AppendEscaped(body, pat.AsSpan(start, end - start), escapeHyphens: false);
        }
        else
        {
            var chunks = new List<List<int>>();
            var i = start;
            var k = pat[i] == '!' ? i + 2 : i + 1;
            while (true)
            {
                k = Find(pat, '-', k, end);
                if (k < 0)
                {
                    break;
                }

                chunks.Add([.. pat.AsSpan(i, k - i)]);
                i = k + 1;
                k += 3;
            }

            if (i < end)
            {
                chunks.Add([.. pat.AsSpan(i, end - i)]);
            }
            else
            {
                // The class ends in '-': it is a member of the last chunk.
                chunks[^1].Add('-');
            }

            // Drop reversed ranges: the chunks on either side are joined without their endpoints.
            for (var m = chunks.Count - 1; m > 0; m--)
            {
                if (chunks[m - 1][^1] > chunks[m][0])
                {
                    chunks[m - 1].RemoveAt(chunks[m - 1].Count - 1);
                    chunks[m - 1].AddRange(chunks[m].Skip(1));
                    chunks.RemoveAt(m);
                }
            }

            for (var m = 0; m < chunks.Count; m++)
            {
                if (m > 0)
                {
                    body.Add('-');
                }

                AppendEscaped(body, [.. chunks[m]], escapeHyphens: true);
            }
        }

        if (body.Count == 0)
        {
            return GlobToken.ForClass(GlobClass.Empty);
        }

        if (body is ['!'])
        {
            // A negated empty class matches any one character.
            return GlobToken.AnyChar;
        }

        if (body[0] == '!')
        {
            // Decided on the rewritten text, not on the pattern: "[z-a!b]" becomes "[^b]".
            body[0] = '^';
        }
        else if (body[0] is '^' or '[')
        {
            body.Insert(0, '\\');
        }

        return GlobToken.ForClass(GlobClass.FromRegexSet(body));
    }

    // Python's str.find with start/end: -1 when start is at or past end.
    private static int Find(int[] text, int value, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (text[i] == value)
            {
                return i;
            }
        }

        return -1;
    }

    // Backslashes (and, in the hyphen branch, hyphens) are escaped, then translate's re.sub
    // escapes the set operators & ~ |; doing both in one pass gives the same text.
    private static void AppendEscaped(List<int> body, ReadOnlySpan<int> chars, bool escapeHyphens)
    {
        foreach (var c in chars)
        {
            if (c is '\\' or '&' or '~' or '|' || (escapeHyphens && c == '-'))
            {
                body.Add('\\');
            }

            body.Add(c);
        }
    }
}
