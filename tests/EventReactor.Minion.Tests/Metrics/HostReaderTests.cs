using EventReactor.Minion.Metrics;

namespace EventReactor.Minion.Tests.Metrics;

public sealed class HostReaderTests
{
    [Fact]
    public void Read_RecordedProc_ParsesCpuMemoryLoadAndWholeDisks()
    {
        var sample = new HostReader(MetricFixtures.ProcRoot).Read(DateTimeOffset.UnixEpoch);

        Assert.Equal(657140 + 144578 + 370396 + 2607 + 3114 + 1136, sample.CpuTotalTicks);
        Assert.Equal(370396 + 2607, sample.CpuIdleTicks);
        Assert.Equal(24684084L * 1024, sample.MemoryTotalBytes);
        Assert.Equal(23433552L * 1024, sample.MemoryAvailableBytes);
        Assert.Equal(8.41, sample.Load1);
        Assert.Equal(10.68, sample.Load15);

        // Only vda counts: loop and zram devices are skipped.
        Assert.Equal(140316, sample.DiskReadOperations);
        Assert.Equal(5592618L * 512, sample.DiskReadBytes);
        Assert.Equal(1682978, sample.DiskWriteOperations);
        Assert.Equal(41107808L * 512, sample.DiskWriteBytes);
    }
}
