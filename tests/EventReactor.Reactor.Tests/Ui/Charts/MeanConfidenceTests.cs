using EventReactor.Reactor.Ui.Charts;

namespace EventReactor.Reactor.Tests.Ui.Charts;

public sealed class MeanConfidenceTests
{
    [Fact]
    public void Of_FiveValues_IsTheStudentTInterval()
    {
        // mean 12, sample sd sqrt(2.5), t(0.975, 4) = 2.776: half width 2.776 * 1.5811 / sqrt(5) = 1.963.
        var interval = MeanConfidence.Of([10, 11, 12, 13, 14]);

        Assert.Equal(5, interval.N);
        Assert.Equal(12, interval.Mean, 10);
        Assert.Equal(1.963, interval.HalfWidth, 3);
        Assert.Equal(12 - 1.963, interval.Low, 3);
    }

    [Fact]
    public void Of_OneValue_HasNoWidth()
    {
        var interval = MeanConfidence.Of([42]);

        Assert.Equal(42, interval.Low);
        Assert.Equal(42, interval.High);
    }

    [Theory]
    [InlineData(1, 12.706)]
    [InlineData(30, 2.042)]
    [InlineData(40, 2.021)]
    [InlineData(120, 1.980)]
    [InlineData(100_000, 1.960)]
    public void StudentT975_DegreesOfFreedom_MatchesTheTable(int degreesOfFreedom, double expected) =>
        Assert.Equal(expected, MeanConfidence.StudentT975(degreesOfFreedom), 3);

    [Fact]
    public void FromSummary_SameValuesAsOf_SameInterval()
    {
        double[] values = [3.1, 2.9, 3.3, 3.0, 3.2, 2.8];
        var mean = values.Average();
        var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));

        Assert.Equal(MeanConfidence.Of(values), MeanConfidence.FromSummary(values.Length, mean, sd));
    }
}
