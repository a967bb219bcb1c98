using EventReactor.Minion.Metrics;

namespace EventReactor.Minion.Tests.Metrics;

public sealed class CgroupReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Find_HybridV1Host_UsesV1ControllersNotTheEmptyUnifiedTree()
    {
        var cgroup = ContainerCgroup.Find(MetricFixtures.CgroupRoot("v1"), "abc123");

        Assert.NotNull(cgroup);
        Assert.Equal(CgroupVersion.V1, cgroup.Version);
        Assert.EndsWith(Path.Combine("cpuacct", "docker", "abc123", "cpuacct.usage"), cgroup.CpuUsageFile, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_UnknownContainer_ReturnsNull()
    {
        Assert.Null(ContainerCgroup.Find(MetricFixtures.CgroupRoot("v1"), "nope"));
        Assert.Null(ContainerCgroup.Find(MetricFixtures.CgroupRoot("v2"), "nope"));
    }

    [Fact]
    public void TryRead_V1_ParsesEveryCounter()
    {
        var cgroup = ContainerCgroup.Find(MetricFixtures.CgroupRoot("v1"), "abc123")!;

        Assert.True(CgroupReader.TryRead(cgroup, null, Now, out var sample));

        Assert.Equal(Now, sample.Time);
        Assert.Equal(51159326, sample.CpuUsageNanoseconds);
        Assert.Equal(0, sample.CpuThrottledPeriods);
        Assert.Equal(2789376, sample.MemoryBytes);
        Assert.Equal(4341760, sample.MemoryPeakBytes);
        Assert.Null(sample.MemoryLimitBytes); // 9223372036854771712 is v1's "no limit"
        Assert.Equal(4196, sample.IoReadBytes); // summed over both devices; the Total line is not counted again
        Assert.Equal(2048000, sample.IoWriteBytes);
        Assert.Equal(1, sample.IoReadOperations);
        Assert.Equal(500, sample.IoWriteOperations);
        Assert.Equal(1, sample.Pids);
    }

    [Fact]
    public void TryRead_V2SystemdScope_ParsesEveryCounterInNanoseconds()
    {
        var cgroup = ContainerCgroup.Find(MetricFixtures.CgroupRoot("v2"), "def456")!;

        Assert.True(CgroupReader.TryRead(cgroup, null, Now, out var sample));

        Assert.Equal(CgroupVersion.V2, cgroup.Version);
        Assert.Equal(1_234_567_000, sample.CpuUsageNanoseconds);
        Assert.Equal(200, sample.CpuPeriods);
        Assert.Equal(15, sample.CpuThrottledPeriods);
        Assert.Equal(98_765_000, sample.CpuThrottledNanoseconds);
        Assert.Equal(10485760, sample.MemoryBytes);
        Assert.Equal(20971520, sample.MemoryPeakBytes);
        Assert.Equal(536870912, sample.MemoryLimitBytes);
        Assert.Equal(1049088, sample.IoReadBytes);
        Assert.Equal(4096, sample.IoWriteBytes);
        Assert.Equal(17, sample.IoReadOperations);
        Assert.Equal(1, sample.IoWriteOperations);
        Assert.Equal(3, sample.Pids);
    }

    [Fact]
    public void TryRead_V2CgroupfsWithoutLimitOrPeak_LeavesThemNull()
    {
        var cgroup = ContainerCgroup.Find(MetricFixtures.CgroupRoot("v2"), "fed789")!;

        Assert.True(CgroupReader.TryRead(cgroup, null, Now, out var sample));

        Assert.Equal(5000, sample.CpuUsageNanoseconds);
        Assert.Null(sample.MemoryLimitBytes);
        Assert.Null(sample.MemoryPeakBytes);
        Assert.Equal(0, sample.IoReadBytes);
    }

    [Fact]
    public void TryRead_WithNetDev_SumsInterfacesExceptLoopback()
    {
        var cgroup = ContainerCgroup.Find(MetricFixtures.CgroupRoot("v1"), "abc123")!;
        var netDev = Path.Combine(MetricFixtures.ProcRoot, "4242", "net", "dev");

        Assert.True(CgroupReader.TryRead(cgroup, netDev, Now, out var sample));

        Assert.Equal(123500, sample.NetReceiveBytes);
        Assert.Equal(790, sample.NetReceivePackets);
        Assert.Equal(65488, sample.NetTransmitBytes);
        Assert.Equal(323, sample.NetTransmitPackets);
    }

    [Fact]
    public void TryRead_CgroupGone_ReturnsFalse()
    {
        var root = Directory.CreateTempSubdirectory("cgroup").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "memory", "docker", "gone"));
            var cgroup = ContainerCgroup.Find(root, "gone")!;

            Assert.False(CgroupReader.TryRead(cgroup, null, Now, out _));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
