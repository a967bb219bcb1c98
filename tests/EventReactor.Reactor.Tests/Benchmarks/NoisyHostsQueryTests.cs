using EventReactor.Reactor.Benchmarks;
using NSubstitute;

namespace EventReactor.Reactor.Tests.Benchmarks;

public sealed class NoisyHostsQueryTests
{
    [Fact]
    public async Task Find_HostAboveTheThresholdInBothItsRuns_IsNoisyWithItsLoad()
    {
        await using var harness = new RunnerHarness();
        harness.Answer(RunnerHarness.Values(100, 50, 150, 100, 50, 150));
        await harness.StartAsync();
        await harness.RunAsync(RunnerHarness.FixedSuite(3), id: "noisy-1");
        await harness.RunAsync(RunnerHarness.FixedSuite(3), id: "noisy-2");
        var history = Substitute.For<IHostLoadHistory>();
        history.SummariseAsync("m1", Arg.Any<DateTimeOffset>(), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>()).Returns(new HostLoad(3.5, 92));

        var noisy = Assert.Single(await new NoisyHostsQuery(harness.Store, history).FindAsync(null, CancellationToken.None));

        Assert.Equal(("m1", 2, 3.5, "noisy-2", 3.5, 92.0), (noisy.Minion, noisy.Runs, noisy.RsdThreshold, noisy.LatestRun, noisy.Load1!.Value, noisy.CpuBusyPercent!.Value));
        Assert.Equal(50, noisy.Rsd, 6);
        Assert.Null(noisy.StealPercent);
    }

    [Fact]
    public async Task Find_OneNoisyRunThenASteadyOne_IsNotNoisy()
    {
        await using var harness = new RunnerHarness();
        harness.Answer(RunnerHarness.Values(100, 50, 150, 100, 100, 100));
        await harness.StartAsync();
        await harness.RunAsync(RunnerHarness.FixedSuite(3), id: "noisy");
        await harness.RunAsync(RunnerHarness.FixedSuite(3), id: "steady");

        Assert.Empty(await new NoisyHostsQuery(harness.Store, Substitute.For<IHostLoadHistory>()).FindAsync(null, CancellationToken.None));
    }
}
