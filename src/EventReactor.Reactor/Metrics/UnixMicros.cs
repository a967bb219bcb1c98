namespace EventReactor.Reactor.Metrics;

/// <summary>Sample times as stored: Unix microseconds (the minion's clock has finer ticks; nothing samples faster than 100 ms).</summary>
internal static class UnixMicros
{
    public static long From(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public static DateTimeOffset ToTime(long micros) => DateTimeOffset.UnixEpoch.AddTicks(micros * 10);
}
