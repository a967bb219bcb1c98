using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Minion.Inventory;

namespace EventReactor.Minion.Metrics;

/// <summary>
/// Builds <c>minion/&lt;id&gt;/metrics</c> (one container's buffered samples) and <c>minion/&lt;id&gt;/metrics/host</c>
/// (the host's). The outbox drops these first when full.
/// </summary>
internal static class MetricsEvents
{
    public static string ContainerTag(string minionId) => $"minion/{minionId}/metrics";

    public static string HostTag(string minionId) => $"minion/{minionId}/metrics/host";

    public static EventEnvelope Batch(string minionId, string containerId, string? name, TimeSpan interval, HostShape host, IReadOnlyList<ContainerSample> samples, string? ended) =>
        EventEnvelope.Create(
            ContainerTag(minionId),
            $"/minion/{minionId}",
            JsonSerializer.SerializeToElement(
                new Dictionary<string, object?>
                {
                    ["container"] = containerId,
                    ["name"] = name,
                    ["intervalMs"] = interval.TotalMilliseconds,
                    ["hostCpus"] = host.Cpus,
                    ["hostMemoryBytes"] = host.MemoryBytes,
                    ["final"] = ended is not null, // the last batch
                    ["ended"] = ended, // why: exited (the cgroup vanished), stopped, or failed: <reason>
                    ["samples"] = samples,
                },
                GrainsJson.Options),
            minionId);

    public static EventEnvelope HostBatch(string minionId, TimeSpan interval, int cpus, IReadOnlyList<HostSample> samples) =>
        EventEnvelope.Create(
            HostTag(minionId),
            $"/minion/{minionId}",
            JsonSerializer.SerializeToElement(
                new Dictionary<string, object?>
                {
                    ["intervalMs"] = interval.TotalMilliseconds,
                    ["cpus"] = cpus,
                    ["samples"] = samples,
                },
                GrainsJson.Options),
            minionId);
}
