using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace EventReactor.Core.Tags;

// A bracket expression after Python's translate() has rewritten it; membership is by code point.
internal sealed class GlobClass
{
    private const int AsciiLimit = 128;

    private readonly ulong _asciiLow;
    private readonly ulong _asciiHigh;

    // Sorted, disjoint, non-adjacent [lo, hi] pairs, all at or above AsciiLimit.
    private readonly int[] _ranges;
    private readonly bool _negated;

    private GlobClass(List<(int Lo, int Hi)> members, bool negated)
    {
        _negated = negated;
        var wide = new List<(int Lo, int Hi)>();
        foreach (var (lo, hi) in members)
        {
            for (var c = lo; c <= hi && c < AsciiLimit; c++)
            {
                if (c < 64)
                {
                    _asciiLow |= 1UL << c;
                }
                else
                {
                    _asciiHigh |= 1UL << (c - 64);
                }
            }

            if (hi >= AsciiLimit)
            {
                wide.Add((Math.Max(lo, AsciiLimit), hi));
            }
        }

        wide.Sort();
        var merged = new List<int>();
        foreach (var (lo, hi) in wide)
        {
            if (merged.Count > 0 && lo <= merged[^1] + 1)
            {
                merged[^1] = Math.Max(merged[^1], hi);
            }
            else
            {
                merged.Add(lo);
                merged.Add(hi);
            }
        }

        _ranges = [.. merged];
    }

    // Python emits "(?!)" for a class whose ranges were all dropped.
    public static GlobClass Empty { get; } = new([], negated: false);

    public bool Contains(int codePoint)
    {
        bool member;
        if ((uint)codePoint < 64)
        {
            member = ((_asciiLow >> codePoint) & 1) != 0;
        }
        else if (codePoint < AsciiLimit)
        {
            member = ((_asciiHigh >> (codePoint - 64)) & 1) != 0;
        }
        else
        {
            member = InRanges(codePoint);
        }

        return member != _negated;
    }

    // Reads the text fnmatch.translate puts between '[' and ']' the way Python 3.11's re._parser
    // reads a character set, so the quirks of both stay in step. Only what translate() can emit
    // is handled: plain characters, a backslash before a non-alphanumeric, a leading '^', ranges.
    public static GlobClass FromRegexSet(IReadOnlyList<int> body)
    {
        // The regex is body followed by the closing ']'; At() reads that ']' past the end.
        int At(int index) => index < body.Count ? body[index] : index == body.Count ? ']' : -1;

        (int CodePoint, bool Escaped) Next(ref int index)
        {
            var c = At(index);
            if (c != '\\')
            {
                index++;
                return (c, false);
            }

            var escaped = At(index + 1);
            if (escaped < 0 || (escaped < AsciiLimit && char.IsAsciiLetterOrDigit((char)escaped)))
            {
                throw new UnreachableException($"fnmatch translation produced an unsupported escape in [{Describe(body)}]");
            }

            index += 2;
            return (escaped, true);
        }

        var pos = 0;
        var negated = At(pos) == '^';
        if (negated)
        {
            pos++;
        }

        var members = new List<(int Lo, int Hi)>();
        while (true)
        {
            var (first, firstEscaped) = Next(ref pos);
            if (first < 0)
            {
                throw new UnreachableException($"unterminated class [{Describe(body)}]");
            }

            // A ']' ends the set unless nothing has been read yet ("[]]", "[^]]").
            if (first == ']' && !firstEscaped && members.Count > 0)
            {
                break;
            }

            if (At(pos) != '-')
            {
                members.Add((first, first));
                continue;
            }

            pos++;
            var (last, lastEscaped) = Next(ref pos);
            if (last < 0)
            {
                throw new UnreachableException($"unterminated class [{Describe(body)}]");
            }

            if (last == ']' && !lastEscaped)
            {
                // "x-]": the hyphen is a member and the set ends.
                members.Add((first, first));
                members.Add(('-', '-'));
                break;
            }

            if (last < first)
            {
                // translate() drops reversed ranges, so re never sees one.
                throw new UnreachableException($"reversed range in [{Describe(body)}]");
            }

            members.Add((first, last));
        }

        if (pos != body.Count + 1)
        {
            // A ']' inside the body would end the set early; translate() never places one there.
            throw new UnreachableException($"class ended early in [{Describe(body)}]");
        }

        return new GlobClass(members, negated);
    }

    public override string ToString()
    {
        var text = new StringBuilder(_negated ? "^" : string.Empty);
        for (var c = 0; c < AsciiLimit; c++)
        {
            if (Contains(c) != _negated)
            {
                text.Append((char)c);
            }
        }

        for (var i = 0; i < _ranges.Length; i += 2)
        {
            text.Append(CultureInfo.InvariantCulture, $"[U+{_ranges[i]:X4}-U+{_ranges[i + 1]:X4}]");
        }

        return text.ToString();
    }

    private static string Describe(IReadOnlyList<int> codePoints)
    {
        var text = new StringBuilder();
        foreach (var c in codePoints)
        {
            GlobParser.AppendCodePoint(text, c);
        }

        return text.ToString();
    }

    private bool InRanges(int codePoint)
    {
        var ranges = _ranges;
        int lo = 0, hi = (ranges.Length / 2) - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (codePoint < ranges[2 * mid])
            {
                hi = mid - 1;
            }
            else if (codePoint > ranges[(2 * mid) + 1])
            {
                lo = mid + 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }
}
