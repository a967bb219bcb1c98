namespace EventReactor.Reactor.Metrics;

/// <summary>One container sample as the minion ships it (cumulative counters; see the minion's ContainerSample).</summary>
internal sealed record ContainerSampleRow
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
