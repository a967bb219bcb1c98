using EventReactor.Contracts;

namespace EventReactor.Minion.Metrics;

/// <summary>
/// Reads a <see cref="ContainerSample"/> from a container's cgroup files and its init process's /proc/&lt;pid&gt;/net/dev.
/// Parses bytes on the stack: at 50 containers × 10 Hz this runs 500 times a second.
/// </summary>
public static class CgroupReader
{
    /// <summary>A v1 "no limit" is the largest page-aligned long; anything this large means unlimited.</summary>
    private const long UnlimitedV1 = 1L << 62;

    /// <summary>Reads one sample; false when the cgroup has gone (the container stopped).</summary>
    public static bool TryRead(ContainerCgroup cgroup, string? netDevFile, DateTimeOffset time, out ContainerSample sample)
    {
        Span<byte> buffer = stackalloc byte[KernelFile.BufferSize];
        sample = default;
        var length = Read(cgroup, CgroupFile.CpuUsage, buffer);

        // Gone, or (a removed cgroup's file read through an old handle) empty: the kernel never reports no usage.
        if (length <= 0)
        {
            return false;
        }

        sample = cgroup.Version == CgroupVersion.V2 ? ReadV2(cgroup, buffer, length, time) : ReadV1(cgroup, buffer, length, time);
        if (netDevFile is not null && (length = cgroup.Read(CgroupFile.NetDev, netDevFile, buffer)) > 0)
        {
            var net = NetDevParser.Parse(buffer[..length]);
            sample = sample with
            {
                NetReceiveBytes = net.ReceiveBytes,
                NetReceivePackets = net.ReceivePackets,
                NetTransmitBytes = net.TransmitBytes,
                NetTransmitPackets = net.TransmitPackets,
            };
        }

        return true;
    }

    private static ContainerSample ReadV2(ContainerCgroup cgroup, Span<byte> buffer, int length, DateTimeOffset time)
    {
        ReadOnlySpan<byte> stat = buffer[..length];
        var usage = KernelFile.ParseKeyed(stat, "usage_usec"u8) ?? 0;
        var periods = KernelFile.ParseKeyed(stat, "nr_periods"u8) ?? 0;
        var throttled = KernelFile.ParseKeyed(stat, "nr_throttled"u8) ?? 0;
        var throttledTime = KernelFile.ParseKeyed(stat, "throttled_usec"u8) ?? 0;
        var memory = ReadNumber(cgroup, CgroupFile.MemoryUsage, buffer) ?? 0;
        var peak = ReadNumber(cgroup, CgroupFile.MemoryPeak, buffer);
        var limit = ReadNumber(cgroup, CgroupFile.MemoryLimit, buffer); // "max" parses as null
        var io = (length = Read(cgroup, CgroupFile.IoBytes, buffer)) > 0 ? IoStatParser.ParseV2(buffer[..length]) : default;
        return new ContainerSample
        {
            Time = time,
            CpuUsageNanoseconds = usage * 1000,
            CpuPeriods = periods,
            CpuThrottledPeriods = throttled,
            CpuThrottledNanoseconds = throttledTime * 1000,
            MemoryBytes = memory,
            MemoryPeakBytes = peak,
            MemoryLimitBytes = limit,
            IoReadBytes = io.ReadBytes,
            IoWriteBytes = io.WriteBytes,
            IoReadOperations = io.ReadOperations,
            IoWriteOperations = io.WriteOperations,
            Pids = ReadNumber(cgroup, CgroupFile.Pids, buffer) ?? 0,
        };
    }

    private static ContainerSample ReadV1(ContainerCgroup cgroup, Span<byte> buffer, int length, DateTimeOffset time)
    {
        var usage = KernelFile.ParseNumber(buffer[..length]) ?? 0;
        length = Read(cgroup, CgroupFile.CpuStat, buffer);
        ReadOnlySpan<byte> stat = length > 0 ? buffer[..length] : default;
        var periods = KernelFile.ParseKeyed(stat, "nr_periods"u8) ?? 0;
        var throttled = KernelFile.ParseKeyed(stat, "nr_throttled"u8) ?? 0;
        var throttledTime = KernelFile.ParseKeyed(stat, "throttled_time"u8) ?? 0;
        var memory = ReadNumber(cgroup, CgroupFile.MemoryUsage, buffer) ?? 0;
        var peak = ReadNumber(cgroup, CgroupFile.MemoryPeak, buffer);
        var limit = ReadNumber(cgroup, CgroupFile.MemoryLimit, buffer);
        var bytes = (length = Read(cgroup, CgroupFile.IoBytes, buffer)) > 0 ? IoStatParser.ParseV1(buffer[..length]) : default;
        var operations = (length = Read(cgroup, CgroupFile.IoOperations, buffer)) > 0 ? IoStatParser.ParseV1(buffer[..length]) : default;
        return new ContainerSample
        {
            Time = time,
            CpuUsageNanoseconds = usage,
            CpuPeriods = periods,
            CpuThrottledPeriods = throttled,
            CpuThrottledNanoseconds = throttledTime,
            MemoryBytes = memory,
            MemoryPeakBytes = peak,
            MemoryLimitBytes = limit >= UnlimitedV1 ? null : limit,
            IoReadBytes = bytes.ReadBytes,
            IoWriteBytes = bytes.WriteBytes,
            IoReadOperations = operations.ReadBytes,
            IoWriteOperations = operations.WriteBytes,
            Pids = ReadNumber(cgroup, CgroupFile.Pids, buffer) ?? 0,
        };
    }

    private static int Read(ContainerCgroup cgroup, CgroupFile file, Span<byte> buffer) => cgroup.Read(file, cgroup.PathOf(file), buffer);

    private static long? ReadNumber(ContainerCgroup cgroup, CgroupFile file, Span<byte> buffer)
    {
        var length = Read(cgroup, file, buffer);
        return length > 0 ? KernelFile.ParseNumber(buffer[..length]) : null;
    }
}
