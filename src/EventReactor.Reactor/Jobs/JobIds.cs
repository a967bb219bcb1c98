using System.Globalization;

namespace EventReactor.Reactor.Jobs;

/// <summary>Salt-style job ids.</summary>
internal static class JobIds
{
    private static int _sequence;

    /// <summary>The time to the microsecond, made unique within the process.</summary>
    public static string New(DateTimeOffset now) =>
        now.UtcDateTime.ToString("yyyyMMddHHmmssffffff", CultureInfo.InvariantCulture)
        + (Interlocked.Increment(ref _sequence) % 1000).ToString("D3", CultureInfo.InvariantCulture);
}
