using Microsoft.Win32.SafeHandles;

namespace EventReactor.Minion.Metrics;

/// <summary>
/// Where one container's cgroup files are, found once and kept so that each sample only opens files. Handles the
/// unified (v2) layout and the per-controller (v1) layout, including hybrid hosts where a controller-less
/// <c>unified</c> hierarchy sits beside the v1 controllers (there the v1 directories hold the numbers).
/// </summary>
public sealed class ContainerCgroup : IDisposable
{
    private readonly SafeFileHandle?[] _handles = new SafeFileHandle?[Enum.GetValues<CgroupFile>().Length];

    private ContainerCgroup(CgroupVersion version, string cpuUsage, string cpuStat, string memory, string io, string pids)
    {
        Version = version;
        CpuUsageFile = cpuUsage;
        CpuStatFile = cpuStat;
        PidsFile = pids;

        // Paths are joined once here, not on every sample.
        var v2 = version == CgroupVersion.V2;
        MemoryUsageFile = Path.Join(memory, v2 ? "memory.current" : "memory.usage_in_bytes");
        MemoryPeakFile = Path.Join(memory, v2 ? "memory.peak" : "memory.max_usage_in_bytes");
        MemoryLimitFile = Path.Join(memory, v2 ? "memory.max" : "memory.limit_in_bytes");
        IoBytesFile = Path.Join(io, v2 ? "io.stat" : "blkio.throttle.io_service_bytes");
        IoOperationsFile = Path.Join(io, v2 ? "io.stat" : "blkio.throttle.io_serviced");
    }

    public CgroupVersion Version { get; }

    /// <summary>v1: cpuacct.usage (ns); v2: cpu.stat, which also holds usage_usec.</summary>
    public string CpuUsageFile { get; }

    public string CpuStatFile { get; }

    public string MemoryUsageFile { get; }

    public string MemoryPeakFile { get; }

    public string MemoryLimitFile { get; }

    /// <summary>v1: blkio.throttle.io_service_bytes; v2: io.stat, which holds bytes and operations.</summary>
    public string IoBytesFile { get; }

    public string IoOperationsFile { get; }

    public string PidsFile { get; }
    /// <summary>
    /// Reads one of the files through a handle held open between samples (see <see cref="KernelFile.Read(ref SafeFileHandle?, string, Span{byte})"/>);
    /// -1 when it is gone. Not thread-safe: one sampling loop reads a container.
    /// </summary>
    public int Read(CgroupFile file, string path, Span<byte> buffer) => KernelFile.Read(ref _handles[(int)file], path, buffer);

    public string PathOf(CgroupFile file) => file switch
    {
        CgroupFile.CpuUsage => CpuUsageFile,
        CgroupFile.CpuStat => CpuStatFile,
        CgroupFile.MemoryUsage => MemoryUsageFile,
        CgroupFile.MemoryPeak => MemoryPeakFile,
        CgroupFile.MemoryLimit => MemoryLimitFile,
        CgroupFile.IoBytes => IoBytesFile,
        CgroupFile.IoOperations => IoOperationsFile,
        CgroupFile.Pids => PidsFile,
        _ => throw new ArgumentOutOfRangeException(nameof(file), file, "net/dev's path is the caller's"),
    };

    /// <summary>Closes the held handles; a later read opens them again.</summary>
    public void Dispose()
    {
        for (var i = 0; i < _handles.Length; i++)
        {
            _handles[i]?.Dispose();
            _handles[i] = null;
        }
    }

    /// <summary>Finds the container's cgroup under <paramref name="root"/> (normally /sys/fs/cgroup), or null if it has none (not running).</summary>
    public static ContainerCgroup? Find(string root, string containerId)
    {
        // v2: a directory with memory.current is a real unified cgroup; a controller-less one (hybrid hosts) is not.
        foreach (var relative in (string[])[$"system.slice/docker-{containerId}.scope", $"docker/{containerId}"])
        {
            var directory = Path.Combine(root, relative);
            if (File.Exists(Path.Combine(directory, "memory.current")))
            {
                var stat = Path.Combine(directory, "cpu.stat");
                return new ContainerCgroup(CgroupVersion.V2, stat, stat, directory, directory, Path.Combine(directory, "pids.current"));
            }
        }

        // v1 with the cgroupfs driver (docker/<id>) or the systemd driver (system.slice/docker-<id>.scope).
        foreach (var relative in (string[])[$"docker/{containerId}", $"system.slice/docker-{containerId}.scope"])
        {
            var memory = Path.Combine(root, "memory", relative);
            if (Directory.Exists(memory))
            {
                return new ContainerCgroup(
                    CgroupVersion.V1,
                    Path.Combine(root, "cpuacct", relative, "cpuacct.usage"),
                    Path.Combine(root, "cpu", relative, "cpu.stat"),
                    memory,
                    Path.Combine(root, "blkio", relative),
                    Path.Combine(root, "pids", relative, "pids.current"));
            }
        }

        return null;
    }
}
