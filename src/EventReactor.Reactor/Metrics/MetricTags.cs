namespace EventReactor.Reactor.Metrics;

/// <summary>Recognises the tags the metric sinks care about.</summary>
internal static class MetricTags
{
    /// <summary><c>minion/&lt;id&gt;/metrics</c>.</summary>
    public static bool IsContainerBatch(string tag) => tag.StartsWith("minion/", StringComparison.Ordinal) && tag.EndsWith("/metrics", StringComparison.Ordinal) && tag.Count(c => c == '/') == 2;

    /// <summary><c>minion/&lt;id&gt;/metrics/host</c>.</summary>
    public static bool IsHostBatch(string tag) => tag.StartsWith("minion/", StringComparison.Ordinal) && tag.EndsWith("/metrics/host", StringComparison.Ordinal) && tag.Count(c => c == '/') == 3;

    /// <summary><c>bench/&lt;run&gt;/done</c> or <c>bench/&lt;run&gt;/failed</c>: a run's results.</summary>
    public static bool IsBenchmarkEnd(string tag) => tag.StartsWith("bench/", StringComparison.Ordinal) && tag.Count(c => c == '/') == 2
        && (tag.EndsWith("/done", StringComparison.Ordinal) || tag.EndsWith("/failed", StringComparison.Ordinal));
}
