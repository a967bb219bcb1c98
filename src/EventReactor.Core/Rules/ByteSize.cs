using System.Globalization;

namespace EventReactor.Core.Rules;

/// <summary>Reads sizes as Docker users write them: <c>512m</c>, <c>2g</c>, <c>1.5G</c>, <c>1048576</c>.</summary>
public static class ByteSize
{
    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        text = text.Trim().ToLowerInvariant().TrimEnd('b');
        var multiplier = text.Length == 0 ? 1L : text[^1] switch
        {
            'k' => 1L << 10,
            'm' => 1L << 20,
            'g' => 1L << 30,
            't' => 1L << 40,
            _ => 1L,
        };
        var number = multiplier == 1 ? text : text[..^1];
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            return false;
        }

        bytes = (long)(value * multiplier);
        return true;
    }
}
