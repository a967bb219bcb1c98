using EventReactor.Reactor.Benchmarks;

namespace EventReactor.Reactor.Tests.Benchmarks;

public sealed class BenchmarkComparerTests
{
    [Fact]
    public async Task Compare_TwoRunsOneTwiceAsFast_SaysFasterWithChangeIntervalAndTest()
    {
        await using var harness = new RunnerHarness();
        harness.Answer(RunnerHarness.Values(100, 101, 99, 103, 102, 98, 200, 202, 198, 206, 204, 196));
        await harness.StartAsync();
        await harness.RunAsync(RunnerHarness.FixedSuite(6), id: "slow");
        await harness.RunAsync(RunnerHarness.FixedSuite(6), id: "fast");

        var response = await new BenchmarkComparer(harness.Store).CompareAsync("slow", "fast", null, null, null, CancellationToken.None);

        var metric = Assert.Single(response.Metrics);
        Assert.Equal(("v", "faster", "exact"), (metric.Metric, metric.Verdict, metric.Method));
        Assert.Equal(100, metric.ChangePercent!.Value, 6); // means 100.5 and 201
        // No ties and six a side: exact; the most extreme of C(12, 6) = 924 arrangements, both tails.
        Assert.True(metric.ChangeLow < 100 && metric.ChangeHigh > 100);
        Assert.Equal(2 / 924.0, metric.PValue, 12);
        Assert.Equal((6, 6), (metric.A.N, metric.B.N));
        Assert.Equal(["slow"], metric.A.Runs);
        Assert.True(metric.A.Low < 100.5 && metric.A.High > 100.5);
        Assert.Contains("Mann-Whitney U", response.Test, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_ByGrainValue_PoolsTheHostsWithIt()
    {
        await using var harness = new RunnerHarness();
        await harness.StartAsync();
        await harness.RunAsync(RunnerHarness.FixedSuite(6), id: "one");

        var request = () => new BenchmarkComparer(harness.Store).CompareAsync("Test CPU 9000", "Other CPU", "cpu.model", null, null, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<BenchmarkRequestException>(request);
        Assert.Equal("no finished host has 'Other CPU' at grain 'cpu.model'", refused.Message);
    }

    [Fact]
    public async Task Compare_UnknownRun_IsRefusedNamingIt()
    {
        await using var harness = new RunnerHarness();
        await harness.StartAsync();

        var refused = await Assert.ThrowsAsync<BenchmarkRequestException>(() => new BenchmarkComparer(harness.Store).CompareAsync("nope", "nope2", null, null, null, CancellationToken.None));

        Assert.StartsWith("run 'nope' has no measured values", refused.Message, StringComparison.Ordinal);
    }
}
