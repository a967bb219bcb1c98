namespace EventReactor.Contracts.Api;

/// <summary>
/// One container's sampled run. Counters are cumulative since the container started, so CPU seconds, I/O and network
/// bytes are the last sample's values (including what ran before the first sample); mean CPU cores is over the sampled
/// span only.
/// </summary>
public sealed record ContainerMetricsSummary
{
    public required string Container { get; init; }

    public string? Name { get; init; }

    public string? Minion { get; init; }

    public int Samples { get; init; }

    public DateTimeOffset? First { get; init; }

    public DateTimeOffset? Last { get; init; }

    public double? MeanIntervalMs { get; init; }

    public double CpuSeconds { get; init; }

    public double? MeanCpuCores { get; init; }

    public long PeakMemoryBytes { get; init; }

    public long IoReadBytes { get; init; }

    public long IoWriteBytes { get; init; }

    public long NetReceiveBytes { get; init; }

    public long NetTransmitBytes { get; init; }

    /// <summary>Why sampling ended (exited, stopped, failed: ...), once the final batch arrived.</summary>
    public string? Ended { get; init; }
}
