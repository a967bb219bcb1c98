using EventReactor.Contracts.Api;
using System.Text.Json;
using EventReactor.Core.Benchmarks;
using EventReactor.Reactor.Benchmarks;

namespace EventReactor.Reactor.Tests.State.Contract;

/// <summary>What every <see cref="IBenchmarkStore"/> must do; each implementation runs it through a subclass.</summary>
public abstract class BenchmarkStoreContract : IAsyncDisposable
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeMilliseconds(1_760_000_000_000);

    /// <summary>A store over empty state.</summary>
    private protected abstract IBenchmarkStore Store { get; }

    public abstract ValueTask DisposeAsync();

    [Fact]
    public async Task CreateRunAsync_RunWithHosts_FoundWithEveryFieldAndHostsByMinion()
    {
        var run = Run("r1", "cpu", T0) with { CausedBy = "event-1" };
        var grains = new GrainsSnapshot("Test CPU", ["Tesla K80"], "m5.large", JsonDocument.Parse("""{"os":"linux"}""").RootElement.Clone());

        await Store.CreateRunAsync(run, [new("r1", "m2", BenchmarkStatus.Pending, null, grains), new("r1", "m1", BenchmarkStatus.Pending, null, GrainsSnapshot.From(null))], CancellationToken.None);

        var detail = await Store.FindAsync("r1", CancellationToken.None);
        Assert.NotNull(detail);
        Assert.Equal(run with { Minions = [] }, detail.Run with { Minions = [] });
        Assert.Equal(run.Minions, detail.Run.Minions);
        Assert.Equal(["m1", "m2"], detail.Hosts.Select(h => h.Minion));
        Assert.Equal(("Test CPU", "Tesla K80", "m5.large", "linux"), (detail.Hosts[1].Grains.CpuModel, detail.Hosts[1].Grains.GpuModels.Single(), detail.Hosts[1].Grains.InstanceType, detail.Hosts[1].Grains.All!.Value.GetProperty("os").GetString()));
        Assert.Empty(detail.Repetitions);
        Assert.Empty(detail.Results);
    }

    [Fact]
    public async Task SetRunStatusAsync_StartedThenEnded_StartKept()
    {
        await Store.CreateRunAsync(Run("r1", "cpu", T0), [], CancellationToken.None);

        await Store.SetRunStatusAsync("r1", BenchmarkStatus.Running, null, T0.AddSeconds(1), null, CancellationToken.None);
        await Store.SetRunStatusAsync("r1", BenchmarkStatus.Failed, "stopped", null, T0.AddSeconds(9), CancellationToken.None);

        var run = (await Store.FindAsync("r1", CancellationToken.None))!.Run;
        Assert.Equal((BenchmarkStatus.Failed, "stopped", T0.AddSeconds(1), T0.AddSeconds(9)), (run.Status, run.Reason, run.StartedAt, run.EndedAt));
    }

    [Fact]
    public async Task SetHostStatusAsync_OnlyUnfinished_FinishedHostKept()
    {
        await Store.CreateRunAsync(Run("r1", "cpu", T0), [Host("r1", "m1"), Host("r1", "m2")], CancellationToken.None);
        await Store.SetHostStatusAsync("r1", "m1", BenchmarkStatus.Done, null, CancellationToken.None);

        await Store.SetHostStatusAsync("r1", "m1", BenchmarkStatus.Failed, "lost", CancellationToken.None, onlyUnfinished: true);
        await Store.SetHostStatusAsync("r1", "m2", BenchmarkStatus.Failed, "lost", CancellationToken.None, onlyUnfinished: true);

        var hosts = (await Store.FindAsync("r1", CancellationToken.None))!.Hosts;
        Assert.Equal([(BenchmarkStatus.Done, (string?)null), (BenchmarkStatus.Failed, "lost")], hosts.Select(h => (h.Status, h.Reason)));
    }

    [Fact]
    public async Task SaveRepetitionAsync_StartedThenEnded_OneRowWithTheEnd()
    {
        await Store.CreateRunAsync(Run("r1", "cpu", T0), [Host("r1", "m1")], CancellationToken.None);
        var started = Repetition("r1", "m1", 0, BenchmarkStatus.Running);
        await Store.SaveRepetitionAsync(started, CancellationToken.None);

        var ended = started with { Status = BenchmarkStatus.Ok, ExitCode = 0, EndedAt = T0.AddSeconds(3), Values = [new MetricValue("ops", 1200.5, "ops/s", true)] };
        await Store.SaveRepetitionAsync(ended, CancellationToken.None);

        var stored = Assert.Single((await Store.FindAsync("r1", CancellationToken.None))!.Repetitions);
        Assert.Equal(ended with { Values = [] }, stored with { Values = [] });
        Assert.Equal(ended.Values, stored.Values);
    }

    [Fact]
    public async Task SetContainerAsync_TwiceForTheSameJob_FirstKept()
    {
        await Store.CreateRunAsync(Run("r1", "cpu", T0), [Host("r1", "m1")], CancellationToken.None);
        await Store.SaveRepetitionAsync(Repetition("r1", "m1", 0, BenchmarkStatus.Running), CancellationToken.None);

        await Store.SetContainerAsync("jid-0", "c-first", CancellationToken.None);
        await Store.SetContainerAsync("jid-0", "c-second", CancellationToken.None);

        Assert.Equal("c-first", Assert.Single((await Store.FindAsync("r1", CancellationToken.None))!.Repetitions).ContainerId);
    }

    [Fact]
    public async Task FailRunningRepetitionsAsync_RunningAndFinished_OnlyRunningFailedWithTheReason()
    {
        await Store.CreateRunAsync(Run("r1", "cpu", T0), [Host("r1", "m1")], CancellationToken.None);
        await Store.SaveRepetitionAsync(Repetition("r1", "m1", 0, BenchmarkStatus.Ok), CancellationToken.None);
        await Store.SaveRepetitionAsync(Repetition("r1", "m1", 1, BenchmarkStatus.Running), CancellationToken.None);

        await Store.FailRunningRepetitionsAsync("r1", "stopped", T0.AddMinutes(1), CancellationToken.None);

        var repetitions = (await Store.FindAsync("r1", CancellationToken.None))!.Repetitions;
        Assert.Equal([(BenchmarkStatus.Ok, (string?)null), (BenchmarkStatus.Failed, "stopped")], repetitions.Select(r => (r.Status, r.Reason)));
        Assert.Equal(T0.AddMinutes(1), repetitions[1].EndedAt);
    }

    [Fact]
    public async Task SaveResultsAsync_SavedTwice_LatestPerHostAndMetric()
    {
        await Store.CreateRunAsync(Run("r1", "cpu", T0), [Host("r1", "m1")], CancellationToken.None);
        await Store.SaveResultsAsync([Result("r1", "m1", "ops", 10), Result("r1", "m1", "latency", 5)], CancellationToken.None);

        await Store.SaveResultsAsync([Result("r1", "m1", "ops", 20)], CancellationToken.None);

        var results = (await Store.FindAsync("r1", CancellationToken.None))!.Results;
        Assert.Equal([("latency", 5.0), ("ops", 20.0)], results.Select(r => (r.Metric, r.Stats.Mean)));
    }

    [Fact]
    public async Task ListRunsAndUnfinished_SeveralRuns_NewestFirstBySuiteAndOnlyUnfinished()
    {
        await Store.CreateRunAsync(Run("r1", "cpu", T0), [], CancellationToken.None);
        await Store.CreateRunAsync(Run("r2", "io", T0.AddSeconds(1)), [], CancellationToken.None);
        await Store.CreateRunAsync(Run("r3", "cpu", T0.AddSeconds(2)), [], CancellationToken.None);
        await Store.SetRunStatusAsync("r3", BenchmarkStatus.Done, null, null, T0.AddSeconds(5), CancellationToken.None);

        Assert.Equal(["r3", "r2"], (await Store.ListRunsAsync(null, 2, CancellationToken.None)).Select(r => r.Id));
        Assert.Equal(["r3", "r1"], (await Store.ListRunsAsync("cpu", 10, CancellationToken.None)).Select(r => r.Id));
        Assert.Equal(["r1", "r2"], (await Store.ListUnfinishedAsync(CancellationToken.None)).Select(r => r.Id).Order());
    }

    [Fact]
    public async Task ListMeasuredAsync_MixedRepetitions_OnlyMeasuredOkOfFinishedHosts()
    {
        await Store.CreateRunAsync(Run("r1", "cpu", T0), [Host("r1", "m1"), Host("r1", "m2")], CancellationToken.None);
        await Store.SetHostStatusAsync("r1", "m1", BenchmarkStatus.Done, null, CancellationToken.None);
        await Store.SaveRepetitionAsync(Repetition("r1", "m1", 0, BenchmarkStatus.Ok) with { Warmup = true }, CancellationToken.None);
        await Store.SaveRepetitionAsync(Repetition("r1", "m1", 0, BenchmarkStatus.Ok) with { Values = [new MetricValue("ops", 7, "ops/s", true)] }, CancellationToken.None);
        await Store.SaveRepetitionAsync(Repetition("r1", "m1", 1, BenchmarkStatus.Failed), CancellationToken.None);
        await Store.SaveRepetitionAsync(Repetition("r1", "m2", 0, BenchmarkStatus.Ok), CancellationToken.None);

        var measured = Assert.Single(await Store.ListMeasuredAsync("cpu", CancellationToken.None));

        Assert.Equal(("r1", "cpu", "m1", 7.0), (measured.Run, measured.Suite, measured.Minion, measured.Values.Single().Value));
        Assert.Empty(await Store.ListMeasuredAsync("io", CancellationToken.None));
    }

    [Fact]
    public async Task ListMeasuredAsync_WritesAfterARead_NextReadHasThem()
    {
        await Store.CreateRunAsync(Run("r1", "cpu", T0), [Host("r1", "m1")], CancellationToken.None);
        await Store.SaveRepetitionAsync(Repetition("r1", "m1", 0, BenchmarkStatus.Ok), CancellationToken.None);
        Assert.Empty(await Store.ListMeasuredAsync(null, CancellationToken.None));

        await Store.SetHostStatusAsync("r1", "m1", BenchmarkStatus.Done, null, CancellationToken.None);
        var finished = await Store.ListMeasuredAsync("cpu", CancellationToken.None);
        await Store.SaveRepetitionAsync(Repetition("r1", "m1", 1, BenchmarkStatus.Ok), CancellationToken.None);
        var rewritten = await Store.ListMeasuredAsync("cpu", CancellationToken.None);

        Assert.Equal([("r1", "m1")], finished.Select(m => (m.Run, m.Minion)));
        Assert.Equal([("r1", "m1"), ("r1", "m1")], rewritten.Select(m => (m.Run, m.Minion)));
    }

    private static BenchmarkRun Run(string id, string suite, DateTimeOffset at) =>
        new(id, suite, BenchmarkStatus.Pending, null, "m*", "glob", ["m1", "m2"], new RunPolicy(1, 3, 10, 0.05, 1, 60), "name: " + suite, null, at, null, null);

    private static BenchmarkHost Host(string run, string minion) => new(run, minion, BenchmarkStatus.Pending, null, GrainsSnapshot.From(null));

    private static BenchmarkRepetition Repetition(string run, string minion, int index, BenchmarkStatus status) =>
        new(run, minion, false, index, 0, $"jid-{index}", null, status, status == BenchmarkStatus.Failed ? "exit 3" : null, null, T0.AddSeconds(index), null, []);

    private static HostMetricResult Result(string run, string minion, string metric, double mean) =>
        new(run, minion, metric, "ops/s", true, new MetricStatistics(3, mean, 1, mean - 1, mean + 1, mean, mean + 1, 0.01));
}
