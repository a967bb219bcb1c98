using EventReactor.Core.Statistics;

namespace EventReactor.Core.Tests.Statistics;

public sealed class IndistinguishableTiersTests
{
    [Fact]
    public void Assign_TwoCloseAndOneFar_PutsTheCloseOnesInTierOne()
    {
        double[] best = [200, 201, 199, 202, 198, 200];
        double[] close = [199, 200, 201, 198, 202, 200];
        double[] far = [100, 101, 99, 102, 98, 100];

        Assert.Equal([1, 1, 2], IndistinguishableTiers.Assign([best, close, far]));
    }
}
