using EventReactor.Contracts;
using EventReactor.Contracts.Metrics;
using EventReactor.Contracts.Minions;

namespace EventReactor.Minion.Metrics;

/// <summary>
/// Builds <c>minion/&lt;id&gt;/metrics</c> (one container's buffered samples) and <c>minion/&lt;id&gt;/metrics/host</c>
/// (the host's). The outbox drops these first when full.
/// </summary>
internal static class MetricsEvents
{
    /// <param name="ended">Why sampling ended, on the last batch: exited (the cgroup vanished), stopped, or failed: reason.</param>
    public static EventEnvelope Batch(string minionId, string containerId, string? name, TimeSpan interval, HostShape host, IReadOnlyList<ContainerSample> samples, string? ended) =>
        EventEnvelope.Create(
            MinionTags.ContainerMetrics(minionId),
            MinionTags.Source(minionId),
            EventData.ToElement(new ContainerMetricsSampled
            {
                Container = containerId,
                Name = name,
                IntervalMs = interval.TotalMilliseconds,
                HostCpus = host.Cpus,
                HostMemoryBytes = host.MemoryBytes,
                Final = ended is not null,
                Ended = ended,
                Samples = samples,
            }),
            minionId);

    public static EventEnvelope HostBatch(string minionId, TimeSpan interval, int cpus, IReadOnlyList<HostSample> samples) =>
        EventEnvelope.Create(
            MinionTags.HostMetrics(minionId),
            MinionTags.Source(minionId),
            EventData.ToElement(new HostMetricsSampled { IntervalMs = interval.TotalMilliseconds, Cpus = cpus, Samples = samples }),
            minionId);
}
