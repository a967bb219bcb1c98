using EventReactor.Reactor.Ui.Charts;

namespace EventReactor.Reactor.Tests.Ui.Charts;

public sealed class LttbTests
{
    [Fact]
    public void Downsample_LongSeries_KeepsThresholdPointsWithFirstAndLast()
    {
        var x = Enumerable.Range(0, 6000).Select(i => i * 0.1).ToList();
        var y = x.Select(Math.Sin).ToList();

        var (outX, outY) = Lttb.Downsample(x, y, 2000);

        Assert.Equal(2000, outX.Length);
        Assert.Equal(2000, outY.Length);
        Assert.Equal(x[0], outX[0]);
        Assert.Equal(x[^1], outX[^1]);
        Assert.True(outX.Zip(outX.Skip(1)).All(p => p.First < p.Second), "x stays in ascending order");
    }

    [Fact]
    public void Downsample_SinglePeak_KeepsThePeak()
    {
        var x = Enumerable.Range(0, 10_000).Select(i => (double)i).ToList();
        var y = x.Select(v => v == 4321 ? 1000.0 : 1.0).ToList();

        var (outX, outY) = Lttb.Downsample(x, y, 100);

        Assert.Contains(1000.0, outY);
        Assert.Equal(4321, outX[Array.IndexOf(outY, 1000.0)]);
    }

    [Fact]
    public void Downsample_SeriesShorterThanThreshold_ReturnsItUnchanged()
    {
        double[] x = [1, 2, 3, 4];
        double[] y = [5, 1, 7, 2];

        var (outX, outY) = Lttb.Downsample(x, y, 10);

        Assert.Equal(x, outX);
        Assert.Equal(y, outY);
    }

    [Fact]
    public void Downsample_DifferentLengths_Throws() =>
        Assert.Throws<ArgumentException>(() => Lttb.Downsample([1, 2, 3], [1, 2], 3));
}
