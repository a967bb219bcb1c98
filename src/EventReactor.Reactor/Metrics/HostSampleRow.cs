namespace EventReactor.Reactor.Metrics;

/// <summary>One host sample as the minion ships it (CPU ticks and disk counters cumulative).</summary>
internal sealed record HostSampleRow
{
    public DateTimeOffset Time { get; init; }

    public long CpuTotalTicks { get; init; }

    public long CpuIdleTicks { get; init; }

    public long MemoryTotalBytes { get; init; }

    public long MemoryAvailableBytes { get; init; }

    public double Load1 { get; init; }

    public double Load5 { get; init; }

    public double Load15 { get; init; }

    public long DiskReadBytes { get; init; }

    public long DiskWriteBytes { get; init; }

    public long DiskReadOperations { get; init; }

    public long DiskWriteOperations { get; init; }
}
