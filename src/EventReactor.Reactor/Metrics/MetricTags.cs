using EventReactor.Contracts.Benchmarks;
using EventReactor.Contracts.Minions;

namespace EventReactor.Reactor.Metrics;

/// <summary>Recognises the tags the metric sinks care about.</summary>
internal static class MetricTags
{
    /// <summary><c>minion/&lt;id&gt;/metrics</c>.</summary>
    public static bool IsContainerBatch(string tag) => MinionTags.Is(tag, MinionEventKind.ContainerMetrics);

    /// <summary><c>minion/&lt;id&gt;/metrics/host</c>.</summary>
    public static bool IsHostBatch(string tag) => MinionTags.Is(tag, MinionEventKind.HostMetrics);

    /// <summary><c>bench/&lt;run&gt;/done</c> or <c>bench/&lt;run&gt;/failed</c>: a run's results.</summary>
    public static bool IsBenchmarkEnd(string tag) => BenchmarkTags.TryParseFinished(tag, out _, out _);
}
