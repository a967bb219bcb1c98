namespace EventReactor.Minion.Metrics;

/// <summary>The files a sample reads; each keeps its own open handle in <see cref="ContainerCgroup"/>.</summary>
public enum CgroupFile
{
    CpuUsage,
    CpuStat,
    MemoryUsage,
    MemoryPeak,
    MemoryLimit,
    IoBytes,
    IoOperations,
    Pids,
    NetDev,
}
