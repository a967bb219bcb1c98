using EventReactor.Reactor.Benchmarks;

namespace EventReactor.Reactor.Tests.Benchmarks;

public sealed class BenchmarkResultsQueryTests
{
    [Fact]
    public async Task CompareAsync_RunFinishesAfterACompare_NextCompareHasIt()
    {
        await using var harness = new RunnerHarness();
        harness.Answer(RunnerHarness.Values(100, 101, 99, 200, 202, 198));
        await harness.StartAsync();
        await harness.RunAsync(RunnerHarness.FixedSuite(3), id: "first");
        var query = new BenchmarkResultsQuery(harness.Store);
        var before = Assert.Single(await query.CompareAsync(null, null, CancellationToken.None));

        // The store keeps the measured values between reads: the run finishing must drop them.
        await harness.RunAsync(RunnerHarness.FixedSuite(3), id: "second");
        var after = Assert.Single(await query.CompareAsync(null, null, CancellationToken.None));

        Assert.Equal(["first"], before.RunIds);
        Assert.Equal((3, 100.0), (before.Stats.N, before.Stats.Mean));
        Assert.Equal(["first", "second"], after.RunIds);
        Assert.Equal((6, 150.0), (after.Stats.N, after.Stats.Mean));
    }
}
