namespace EventReactor.Minion.Metrics;

/// <summary>Which cgroup hierarchy holds a container's controllers.</summary>
public enum CgroupVersion
{
    /// <summary>One directory per controller (cpu, cpuacct, memory, blkio, pids), as Docker's cgroupfs driver makes on v1 hosts.</summary>
    V1,

    /// <summary>The unified hierarchy: one directory with every controller's files.</summary>
    V2,
}
