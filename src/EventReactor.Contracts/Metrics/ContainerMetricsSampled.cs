using System.Text.Json.Serialization;

namespace EventReactor.Contracts.Metrics;

/// <summary>
/// The data of <c>minion/&lt;id&gt;/metrics</c>: one container's buffered samples, with the host's CPUs and memory so that
/// counters turn into fractions of the host. Defaults stand in for what an older minion did not send.
/// </summary>
public sealed record ContainerMetricsSampled
{
    [JsonPropertyName("container")]
    public string Container { get; init; } = string.Empty;

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("intervalMs")]
    public double IntervalMs { get; init; }

    /// <summary>The host's CPUs, to turn CPU time into a fraction of the host.</summary>
    [JsonPropertyName("hostCpus")]
    public int? HostCpus { get; init; }

    /// <summary>The host's memory, for containers without a memory limit.</summary>
    [JsonPropertyName("hostMemoryBytes")]
    public long? HostMemoryBytes { get; init; }

    /// <summary>Whether this is the container's last batch.</summary>
    [JsonPropertyName("final")]
    public bool Final { get; init; }

    /// <summary>Why sampling ended, on the last batch: exited (the cgroup vanished), stopped, or failed: reason.</summary>
    [JsonPropertyName("ended")]
    public string? Ended { get; init; }

    [JsonPropertyName("samples")]
    public IReadOnlyList<ContainerSample> Samples { get; init; } = [];
}
