using EventReactor.Reactor.Benchmarks;

namespace EventReactor.Reactor.Tests.Benchmarks;

public sealed class RegressionCheckTests
{
    [Fact]
    public async Task Run_HalfTheThroughputOfItsBaseline_FiresRegressedWithTheChangeAndItsInterval()
    {
        await using var harness = new RunnerHarness();
        harness.Answer(RunnerHarness.Values(100, 101, 99, 100, 102, 98));
        harness.Answer(RunnerHarness.Values(50, 51, 49));
        await harness.StartAsync();
        var suite = RunnerHarness.FixedSuite(3);
        await harness.RunAsync(suite, id: "base-1");
        await harness.RunAsync(suite, id: "base-2");

        var done = await harness.RunAsync(suite, id: "slow-1");

        var regressed = await harness.WaitForAsync(e => e.Tag == "bench/slow-1/regressed");
        Assert.Equal(done.Id, regressed.CausedBy);
        var data = regressed.Data;
        Assert.Equal(("slow-1", "m1", "v", "cpu.model", "Test CPU 9000"), (data.GetProperty("run").GetString(), data.GetProperty("minion").GetString(), data.GetProperty("metric").GetString(), data.GetProperty("grain").GetString(), data.GetProperty("group").GetString()));
        Assert.Equal(["base-1", "base-2"], data.GetProperty("baselineRuns").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(-50, data.GetProperty("changePercent").GetDouble(), 6);
        Assert.InRange(data.GetProperty("changeLow").GetDouble(), -52, -50);
        Assert.InRange(data.GetProperty("changeHigh").GetDouble(), -50, -48);
        Assert.True(data.GetProperty("pValue").GetDouble() < 0.05);
        Assert.Equal((6, 3), (data.GetProperty("baseline").GetProperty("n").GetInt32(), data.GetProperty("current").GetProperty("n").GetInt32()));
    }

    [Fact]
    public async Task Run_LikeItsBaseline_FiresNoRegression()
    {
        await using var harness = new RunnerHarness();
        harness.Answer(RunnerHarness.Values(100, 101, 99, 100, 102, 98, 101, 99, 100));
        await harness.StartAsync();
        var suite = RunnerHarness.FixedSuite(3);
        await harness.RunAsync(suite, id: "base-1");
        await harness.RunAsync(suite, id: "base-2");

        await harness.RunAsync(suite, id: "same-1");

        // The regression check publishes right after done, before the runner takes the next event: a short wait suffices.
        await Task.Delay(200);
        Assert.DoesNotContain(harness.Published, e => e.Tag.EndsWith("/regressed", StringComparison.Ordinal));
    }
}
