using EventReactor.Core.Statistics;

namespace EventReactor.Core.Tests.Statistics;

public sealed class SampleComparisonTests
{
    private static readonly double[] Slow = [100, 102, 98, 101, 99, 100, 103, 97];
    private static readonly double[] Fast = [200, 204, 196, 202, 198, 200, 206, 194];

    [Fact]
    public void Of_DoubledThroughput_IsFasterByAbout100PercentWithAnIntervalAroundIt()
    {
        var comparison = SampleComparison.Of(Slow, Fast, higherIsBetter: true);

        Assert.Equal(ChangeVerdict.Faster, comparison.Verdict);
        Assert.Equal(100, comparison.ChangePercent!.Value, 6);
        Assert.True(comparison.ChangeInterval!.Interval.Contains(100));
        Assert.InRange(comparison.ChangeInterval.Interval.High - comparison.ChangeInterval.Interval.Low, 0.5, 10);
        Assert.True(comparison.Test.PValue < SampleComparison.Alpha);
        Assert.Empty(comparison.Warnings);
    }

    [Fact]
    public void Of_DoubledLatency_IsSlower()
    {
        Assert.Equal(ChangeVerdict.Slower, SampleComparison.Of(Slow, Fast, higherIsBetter: false).Verdict);
    }

    [Fact]
    public void Of_SameDistribution_IsTilde()
    {
        var comparison = SampleComparison.Of(Slow, [101, 99, 100, 102, 98, 100, 97, 103], higherIsBetter: true);

        Assert.Equal(ChangeVerdict.Same, comparison.Verdict);
        Assert.True(comparison.Test.PValue >= SampleComparison.Alpha);
    }

    [Fact]
    public void Of_ThreeValuesASide_WarnsInsteadOfClaiming()
    {
        // Three against three can never reach p < 0.05 with the exact test (the least is 0.1).
        var comparison = SampleComparison.Of([1, 2, 3], [10, 11, 12], higherIsBetter: true);

        Assert.Equal(ChangeVerdict.Same, comparison.Verdict);
        Assert.Equal(0.1, comparison.Test.PValue, 12);
        Assert.Contains(comparison.Warnings, w => w.StartsWith("A has 3 values", StringComparison.Ordinal));
        Assert.Contains(comparison.Warnings, w => w.StartsWith("B has 3 values", StringComparison.Ordinal));
    }

    [Fact]
    public void Of_ColdFirstRepetition_IsCalledOut()
    {
        var comparison = SampleComparison.Of([60, 100, 101, 99, 100, 102], Fast, higherIsBetter: true, "before", "after");

        Assert.True(comparison.Before.ColdFirst);
        Assert.Equal([0], comparison.Before.Outliers);
        Assert.Contains(comparison.Warnings, w => w.StartsWith("before's first repetition is much worse", StringComparison.Ordinal));
        Assert.Contains("before has 1 of 6 values outside the MAD rule (modified z-score over 3.5)", comparison.Warnings);
    }

    [Fact]
    public void ChangePercentInterval_SameValuesTwice_IsTheSameInterval()
    {
        Assert.Equal(Bootstrap.ChangePercentInterval(Slow, Fast), Bootstrap.ChangePercentInterval(Slow, Fast));
    }
}
