namespace EventReactor.Minion.Metrics;

/// <summary>Metric sampling on the minion (section <c>Minion:Metrics</c>).</summary>
public sealed class MetricsOptions
{
    /// <summary>The shortest sampling interval; below it the cost of reading cgroup files stops being negligible.</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Sample every running container, not only those asked for by <c>metrics.start</c> or <c>container.run</c>.</summary>
    public bool SampleAll { get; set; }

    /// <summary>The sampling interval for <see cref="SampleAll"/> and for <c>metrics.start</c> without one.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the host itself (CPU, memory, load, disk I/O) is sampled; <c>00:00:00</c> turns host sampling off.</summary>
    public TimeSpan HostInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often buffered samples are shipped, ±10% so that many containers do not flush together.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Ship a batch early once this many samples are buffered.</summary>
    public int FlushSamples { get; set; } = 100;

    /// <summary>Where the cgroup hierarchies are mounted.</summary>
    public string CgroupRoot { get; set; } = "/sys/fs/cgroup";

    /// <summary>Where the host's /proc is (the minion may run in a container with the host's mounted elsewhere).</summary>
    public string ProcRoot { get; set; } = "/proc";
}
