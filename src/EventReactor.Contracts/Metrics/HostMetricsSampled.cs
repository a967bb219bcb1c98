using System.Text.Json.Serialization;

namespace EventReactor.Contracts.Metrics;

/// <summary>The data of <c>minion/&lt;id&gt;/metrics/host</c>: the host's buffered samples and its CPU count.</summary>
public sealed record HostMetricsSampled
{
    [JsonPropertyName("intervalMs")]
    public double IntervalMs { get; init; }

    [JsonPropertyName("cpus")]
    public int? Cpus { get; init; }

    [JsonPropertyName("samples")]
    public IReadOnlyList<HostSample> Samples { get; init; } = [];
}
