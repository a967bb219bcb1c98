using System.Globalization;

namespace EventReactor.Minion.Docker;

/// <summary>The engine's timestamps as Unix nanoseconds, the unit of its event stream.</summary>
internal static class EngineTime
{
    /// <summary>RFC 3339 (as in inspect's StartedAt or info's SystemTime) to Unix nanoseconds; 0 for Docker's "never" (year 1) or unreadable text.</summary>
    public static long ParseNano(string? text)
    {
        if (string.IsNullOrEmpty(text) || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) || time.Year < 1971)
        {
            return 0;
        }

        return (time - DateTimeOffset.UnixEpoch).Ticks * 100;
    }

    public static long Now() => (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).Ticks * 100;

    public static DateTimeOffset ToTime(long unixNano) => DateTimeOffset.UnixEpoch.AddTicks(unixNano / 100);

    /// <summary>The form the events API takes for <c>since</c> and <c>until</c>: seconds with a nine-digit fraction.</summary>
    public static string FormatSince(long unixNano) =>
        string.Create(CultureInfo.InvariantCulture, $"{unixNano / 1_000_000_000}.{unixNano % 1_000_000_000:D9}");
}
