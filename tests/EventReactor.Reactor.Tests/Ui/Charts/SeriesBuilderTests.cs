using EventReactor.Contracts;
using EventReactor.Reactor.Ui.Charts;

namespace EventReactor.Reactor.Tests.Ui.Charts;

public sealed class SeriesBuilderTests
{
    [Fact]
    public void Container_TenMinutesAt100Ms_EachSeriesCutToMaxPoints()
    {
        var start = DateTimeOffset.UnixEpoch.AddDays(20000);
        var samples = Enumerable.Range(0, 6000).Select(i => new ContainerSample
        {
            Time = start.AddMilliseconds(i * 100),
            CpuUsageNanoseconds = i * 150_000_000L,
            MemoryBytes = 1L << 30,
            IoReadBytes = i * 1_048_576L,
            IoWriteBytes = 0,
        }).ToList();

        var charts = SeriesBuilder.Container("rep", samples);

        Assert.Equal(["CPU", "Memory", "I/O read", "I/O write"], charts.Select(c => c.Title));
        Assert.All(charts, c => Assert.Equal(SeriesBuilder.MaxPoints, c.X.Count));
        // 0.15 s of CPU every 0.1 s is 1.5 cores; 1 MiB every 0.1 s is 10 MiB/s (the first sample has no rate yet).
        Assert.All(charts[0].Series[0].Values.Skip(1), v => Assert.Equal(1.5, v!.Value, 3));
        Assert.All(charts[2].Series[0].Values.Skip(1), v => Assert.Equal(10, v!.Value, 3));
        Assert.All(charts[1].Series[0].Values, v => Assert.Equal(1024, v!.Value, 3));
    }
}
