namespace EventReactor.Contracts;

/// <summary>
/// One reading of a container's cgroup and network counters, as <c>minion/&lt;id&gt;/metrics</c> batches carry them (camelCase
/// JSON). Counters are cumulative, as the kernel reports them;
/// the reactor side turns them into rates. Null means the kernel does not report it (no peak on older kernels, no limit set).
/// </summary>
public readonly record struct ContainerSample
{
    public DateTimeOffset Time { get; init; }

    public long CpuUsageNanoseconds { get; init; }

    public long CpuPeriods { get; init; }

    public long CpuThrottledPeriods { get; init; }

    public long CpuThrottledNanoseconds { get; init; }

    public long MemoryBytes { get; init; }

    public long? MemoryPeakBytes { get; init; }

    public long? MemoryLimitBytes { get; init; }

    public long IoReadBytes { get; init; }

    public long IoWriteBytes { get; init; }

    public long IoReadOperations { get; init; }

    public long IoWriteOperations { get; init; }

    public long Pids { get; init; }

    public long NetReceiveBytes { get; init; }

    public long NetReceivePackets { get; init; }

    public long NetTransmitBytes { get; init; }

    public long NetTransmitPackets { get; init; }
}
