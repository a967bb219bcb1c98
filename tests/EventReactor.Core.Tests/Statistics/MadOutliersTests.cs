using EventReactor.Core.Statistics;

namespace EventReactor.Core.Tests.Statistics;

public sealed class MadOutliersTests
{
    [Fact]
    public void Flag_OneFarValue_FlagsOnlyIt()
    {
        Assert.Equal([false, false, true, false, false], MadOutliers.Flag([10, 11, 30, 9, 10]));
    }

    [Fact]
    public void Flag_MostValuesEqual_FlagsNothing()
    {
        // MAD 0 has no scale to judge by.
        Assert.All(MadOutliers.Flag([5, 5, 5, 5, 6]), Assert.False);
    }

    [Fact]
    public void ColdFirst_FirstBetterThanTheRest_IsNotCold()
    {
        Assert.False(MadOutliers.ColdFirst([150, 100, 101, 99, 100], higherIsBetter: true));
        Assert.True(MadOutliers.ColdFirst([150, 100, 101, 99, 100], higherIsBetter: false));
    }
}
