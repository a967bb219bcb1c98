using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Minion.Inventory;

namespace EventReactor.Minion.Metrics;

/// <summary>Builds <c>minion/&lt;id&gt;/metrics</c>: one container's buffered samples. The outbox drops these first when full.</summary>
internal static class MetricsEvents
{
    public static EventEnvelope Batch(string minionId, string containerId, string? name, TimeSpan interval, IReadOnlyList<ContainerSample> samples, string? ended) =>
        EventEnvelope.Create(
            $"minion/{minionId}/metrics",
            $"/minion/{minionId}",
            JsonSerializer.SerializeToElement(
                new Dictionary<string, object?>
                {
                    ["container"] = containerId,
                    ["name"] = name,
                    ["intervalMs"] = interval.TotalMilliseconds,
                    ["final"] = ended is not null, // the last batch
                    ["ended"] = ended, // why: exited (the cgroup vanished), stopped, or failed: <reason>
                    ["samples"] = samples,
                },
                GrainsJson.Options),
            minionId);
}
