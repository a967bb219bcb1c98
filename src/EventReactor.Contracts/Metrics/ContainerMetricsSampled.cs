using System.Text.Json.Serialization;

namespace EventReactor.Contracts.Metrics;

/// <summary>
/// The data of <c>minion/&lt;id&gt;/metrics</c>: one container's buffered samples, with the host's CPUs and memory so that
/// counters turn into fractions of the host. The last batch of a container has <see cref="Final"/> set and
/// <see cref="Ended"/> saying why sampling ended (exited, stopped, or failed: reason).
/// </summary>
public sealed record ContainerMetricsSampled(
    [property: JsonPropertyName("container")] string Container,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("intervalMs")] double IntervalMs,
    [property: JsonPropertyName("hostCpus")] int? HostCpus,
    [property: JsonPropertyName("hostMemoryBytes")] long? HostMemoryBytes,
    [property: JsonPropertyName("final")] bool Final,
    [property: JsonPropertyName("ended")] string? Ended,
    [property: JsonPropertyName("samples")] IReadOnlyList<ContainerSample> Samples);
