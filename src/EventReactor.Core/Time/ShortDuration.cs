using System.Globalization;

namespace EventReactor.Core.Time;

/// <summary>The durations operators type on the command line and in requests: <c>90s</c>, <c>30m</c>, <c>24h</c>, <c>7d</c>.</summary>
public static class ShortDuration
{
    /// <summary>The duration, or null for anything but a positive whole number followed by s, m, h or d.</summary>
    public static TimeSpan? Parse(string? text)
    {
        if (text is null || text.Length < 2 || !int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
        {
            return null;
        }

        return text[^1] switch
        {
            's' => TimeSpan.FromSeconds(n),
            'm' => TimeSpan.FromMinutes(n),
            'h' => TimeSpan.FromHours(n),
            'd' => TimeSpan.FromDays(n),
            _ => null,
        };
    }
}
