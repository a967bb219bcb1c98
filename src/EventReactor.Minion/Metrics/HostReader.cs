using EventReactor.Contracts;
using System.Buffers.Text;

namespace EventReactor.Minion.Metrics;

/// <summary>Reads a <see cref="HostSample"/> from /proc (or a recorded copy of it, in tests).</summary>
public sealed class HostReader(string procRoot = "/proc")
{
    private const int SectorBytes = 512; // /proc/diskstats counts 512-byte sectors whatever the device's sector size

    private readonly string _stat = Path.Join(procRoot, "stat");
    private readonly string _meminfo = Path.Join(procRoot, "meminfo");
    private readonly string _loadavg = Path.Join(procRoot, "loadavg");
    private readonly string _diskstats = Path.Join(procRoot, "diskstats");

    public HostSample Read(DateTimeOffset time)
    {
        Span<byte> buffer = stackalloc byte[KernelFile.BufferSize];
        var sample = new HostSample { Time = time };
        var length = KernelFile.Read(_stat, buffer);
        if (length > 0)
        {
            sample = ParseStat(buffer[..length], sample);
        }

        if ((length = KernelFile.Read(_meminfo, buffer)) > 0)
        {
            ReadOnlySpan<byte> meminfo = buffer[..length];
            sample = sample with
            {
                MemoryTotalBytes = (KernelFile.ParseKeyed(meminfo, "MemTotal"u8) ?? 0) * 1024,
                MemoryAvailableBytes = (KernelFile.ParseKeyed(meminfo, "MemAvailable"u8) ?? 0) * 1024,
            };
        }

        if ((length = KernelFile.Read(_loadavg, buffer)) > 0)
        {
            ReadOnlySpan<byte> load = buffer[..length];
            sample = sample with { Load1 = ParseDouble(KernelFile.NextField(ref load)), Load5 = ParseDouble(KernelFile.NextField(ref load)), Load15 = ParseDouble(KernelFile.NextField(ref load)) };
        }

        if ((length = KernelFile.Read(_diskstats, buffer)) > 0)
        {
            sample = ParseDiskstats(buffer[..length], sample);
        }

        return sample;
    }

    /// <summary>The first line: <c>cpu user nice system idle iowait irq softirq steal guest guest_nice</c>; guest time is already in user.</summary>
    private static HostSample ParseStat(ReadOnlySpan<byte> content, HostSample sample)
    {
        var line = KernelFile.NextLine(ref content);
        KernelFile.NextField(ref line);
        long total = 0, idle = 0;
        for (var i = 0; i < 8 && !line.IsEmpty; i++)
        {
            var value = KernelFile.ParseNumber(KernelFile.NextField(ref line)) ?? 0;
            total += value;
            idle += i is 3 or 4 ? value : 0;
        }

        return sample with { CpuTotalTicks = total, CpuIdleTicks = idle };
    }

    /// <summary>Lines: <c>major minor name reads merged sectors ms writes merged sectors ms …</c>; partitions and virtual devices skipped so nothing counts twice.</summary>
    private static HostSample ParseDiskstats(ReadOnlySpan<byte> content, HostSample sample)
    {
        long reads = 0, readSectors = 0, writes = 0, writeSectors = 0;
        Span<long> fields = stackalloc long[7];
        while (!content.IsEmpty)
        {
            var line = KernelFile.NextLine(ref content);
            KernelFile.NextField(ref line);
            KernelFile.NextField(ref line);
            var name = KernelFile.NextField(ref line);
            if (name.IsEmpty || !IsWholeDisk(name))
            {
                continue;
            }

            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = KernelFile.ParseNumber(KernelFile.NextField(ref line)) ?? 0;
            }

            reads += fields[0];
            readSectors += fields[2];
            writes += fields[4];
            writeSectors += fields[6];
        }

        return sample with { DiskReadOperations = reads, DiskReadBytes = readSectors * SectorBytes, DiskWriteOperations = writes, DiskWriteBytes = writeSectors * SectorBytes };
    }

    /// <summary>sda, vda, xvda, nvme0n1 and mmcblk0 count; sda1, nvme0n1p1, loop, ram, dm- and md (stacked on disks) do not.</summary>
    private static bool IsWholeDisk(ReadOnlySpan<byte> name)
    {
        if (name.StartsWith("loop"u8) || name.StartsWith("ram"u8) || name.StartsWith("dm-"u8) || name.StartsWith("md"u8) || name.StartsWith("zram"u8))
        {
            return false;
        }

        if (name.StartsWith("nvme"u8) || name.StartsWith("mmcblk"u8))
        {
            return name.IndexOf((byte)'p') < 0;
        }

        return name[^1] is < (byte)'0' or > (byte)'9';
    }

    private static double ParseDouble(ReadOnlySpan<byte> field) => Utf8Parser.TryParse(field, out double value, out _) ? value : 0;
}
