namespace EventReactor.Contracts;

/// <summary>One reading of the host, as <c>minion/&lt;id&gt;/metrics/host</c> batches carry it: CPU jiffies from /proc/stat (cumulative), memory, load and disk I/O (cumulative).</summary>
public readonly record struct HostSample
{
    public DateTimeOffset Time { get; init; }

    /// <summary>All CPU time, in USER_HZ ticks (normally 1/100 s), summed over CPUs.</summary>
    public long CpuTotalTicks { get; init; }

    /// <summary>Idle plus iowait ticks.</summary>
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
