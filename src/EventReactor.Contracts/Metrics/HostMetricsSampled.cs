using System.Text.Json.Serialization;

namespace EventReactor.Contracts.Metrics;

/// <summary>The data of <c>minion/&lt;id&gt;/metrics/host</c>: the host's buffered samples and its CPU count.</summary>
public sealed record HostMetricsSampled(
    [property: JsonPropertyName("intervalMs")] double IntervalMs,
    [property: JsonPropertyName("cpus")] int? Cpus,
    [property: JsonPropertyName("samples")] IReadOnlyList<HostSample> Samples);
