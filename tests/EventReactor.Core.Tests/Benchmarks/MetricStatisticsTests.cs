using EventReactor.Core.Benchmarks;

namespace EventReactor.Core.Tests.Benchmarks;

public sealed class MetricStatisticsTests
{
    [Fact]
    public void Of_KnownValues_MatchesHandComputedStatistics()
    {
        // Sample standard deviation of 2,4,4,4,5,5,7,9 is sqrt(32/7); percentiles interpolate like numpy.
        var stats = MetricStatistics.Of([2, 4, 4, 4, 5, 5, 7, 9]);

        Assert.Equal(8, stats.N);
        Assert.Equal(5, stats.Mean, 10);
        Assert.Equal(Math.Sqrt(32.0 / 7), stats.StdDev, 10);
        Assert.Equal(2, stats.Min);
        Assert.Equal(9, stats.Max);
        Assert.Equal(4.5, stats.P50, 10);
        Assert.Equal(8.3, stats.P95, 10);
        Assert.Equal(Math.Sqrt(32.0 / 7) / 5 * 100, stats.Rsd, 10);
    }

    [Fact]
    public void Of_OneValue_HasNoSpread()
    {
        var stats = MetricStatistics.Of([42]);

        Assert.Equal(new MetricStatistics(1, 42, 0, 42, 42, 42, 42, 0), stats);
    }

    [Fact]
    public void Of_SpreadAroundZeroMean_ReportsFullRsd() => Assert.Equal(100, MetricStatistics.Of([-1, 1]).Rsd);

    [Fact]
    public void Of_NoValues_Throws() => Assert.Throws<ArgumentException>(() => MetricStatistics.Of([]));
}
