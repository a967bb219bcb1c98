namespace EventReactor.Minion.Metrics;

/// <summary>When a sampling loop ships its buffer: every flush interval ±10%, so that loops started together do not all flush in the same instant.</summary>
internal static class FlushSchedule
{
    public static DateTimeOffset Next(TimeProvider time, TimeSpan flushInterval) =>
        time.GetUtcNow() + (flushInterval * (0.9 + (Random.Shared.NextDouble() * 0.2)));
}
