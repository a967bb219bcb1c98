namespace EventReactor.Contracts.Api;

/// <summary>
/// One container's sampled run. Counters are cumulative since the container started, so CPU seconds, I/O and network
/// bytes are the last sample's values (including what ran before the first sample); mean CPU cores is over the sampled
/// span only.
/// </summary>
public sealed record ContainerMetricsSummary
{
    /// <summary>The container's full id.</summary>
    public required string Container { get; init; }

    /// <summary>The container's name.</summary>
    public string? Name { get; init; }

    /// <summary>The minion that sampled it.</summary>
    public string? Minion { get; init; }

    /// <summary>How many samples were stored.</summary>
    public int Samples { get; init; }

    /// <summary>The first sample's time.</summary>
    public DateTimeOffset? First { get; init; }

    /// <summary>The last sample's time.</summary>
    public DateTimeOffset? Last { get; init; }

    /// <summary>The mean time between samples.</summary>
    public double? MeanIntervalMs { get; init; }

    /// <summary>CPU time used, in seconds.</summary>
    public double CpuSeconds { get; init; }

    /// <summary>CPU cores used on average over the sampled span.</summary>
    public double? MeanCpuCores { get; init; }

    /// <summary>The most memory it used.</summary>
    public long PeakMemoryBytes { get; init; }

    /// <summary>Bytes read from block devices.</summary>
    public long IoReadBytes { get; init; }

    /// <summary>Bytes written to block devices.</summary>
    public long IoWriteBytes { get; init; }

    /// <summary>Bytes received over the network.</summary>
    public long NetReceiveBytes { get; init; }

    /// <summary>Bytes sent over the network.</summary>
    public long NetTransmitBytes { get; init; }

    /// <summary>Why sampling ended (exited, stopped, failed: ...), once the final batch arrived.</summary>
    public string? Ended { get; init; }
}
