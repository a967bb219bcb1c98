using EventReactor.Contracts.Api;
using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Reactor.Benchmarks;

namespace EventReactor.Reactor.Tests.Benchmarks;

public sealed class BenchmarkRunnerTests
{
    private const string Suite = """
        image: busybox
        command: echo v=1
        warmup: 1
        repetitions: { min: 3, max: 5, rsd_threshold: 3.5 }
        retries: 1
        timeout: 30s
        metrics: { interval: 100ms }
        results: [{ regex: 'v=(?<value>[0-9.]+)', metric: v, unit: op/s }]
        """;

    [Fact]
    public async Task Run_SteadyValues_StopsAtTheMinimumAndFiresDoneWithStatsAndGrains()
    {
        await using var harness = new RunnerHarness();
        await harness.StartAsync();

        var done = await harness.RunAsync(RunnerHarness.Suite(Suite));

        Assert.EndsWith("/done", done.Tag, StringComparison.Ordinal);
        Assert.Equal(4, harness.Jobs.Count);
        var data = done.Data;
        Assert.Equal(("done", JsonValueKind.Null), (data.GetProperty("status").GetString(), data.GetProperty("reason").ValueKind));
        var result = Assert.Single(data.GetProperty("results").EnumerateArray());
        Assert.Equal(("m1", "v", "op/s", true), (result.GetProperty("minion").GetString(), result.GetProperty("metric").GetString(), result.GetProperty("unit").GetString(), result.GetProperty("higherIsBetter").GetBoolean()));
        Assert.Equal((3, 1.0, 0.0, 0.0), (result.GetProperty("n").GetInt32(), result.GetProperty("mean").GetDouble(), result.GetProperty("stddev").GetDouble(), result.GetProperty("rsd").GetDouble()));
        Assert.Equal("Test CPU 9000", result.GetProperty("grains").GetProperty("cpuModel").GetString());
        Assert.Equal(["Tesla K80"], result.GetProperty("grains").GetProperty("gpuModels").EnumerateArray().Select(g => g.GetString()));
        Assert.True(data.TryGetProperty("startedAt", out _) && data.TryGetProperty("endedAt", out _));
    }

    [Fact]
    public async Task Run_Repetition_SendsContainerRunWithLabelsLimitsAndSampling()
    {
        await using var harness = new RunnerHarness();
        await harness.StartAsync();

        var done = await harness.RunAsync(RunnerHarness.Suite(Suite), id: "run-42");

        var measured = harness.Jobs[1];
        Assert.Equal(("container.run", "m1"), (measured.Function, Assert.Single(measured.Minions)));
        var args = measured.Arguments;
        Assert.Equal("run-42", args.GetProperty("labels").GetProperty(BenchmarkLabels.Run).GetString());
        Assert.Equal("1", args.GetProperty("labels").GetProperty(BenchmarkLabels.Repetition).GetString());
        Assert.Equal("warmup-1", harness.Jobs[0].Arguments.GetProperty("labels").GetProperty(BenchmarkLabels.Repetition).GetString());
        Assert.Equal((true, true, 30.0, "none", "100ms"), (args.GetProperty("wait").GetBoolean(), args.GetProperty("autoRemove").GetBoolean(), args.GetProperty("timeout").GetDouble(), args.GetProperty("network").GetString(), args.GetProperty("metrics").GetProperty("interval").GetString()));
        Assert.EndsWith("/done", done.Tag, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NoisyValues_RepeatsUpToTheMaximum()
    {
        await using var harness = new RunnerHarness();
        harness.Answer(RunnerHarness.Return(logs: "v=100"), RunnerHarness.Return(logs: "v=50"), RunnerHarness.Return(logs: "v=150"), RunnerHarness.Return(logs: "v=50"), RunnerHarness.Return(logs: "v=150"), RunnerHarness.Return(logs: "v=50"));
        await harness.StartAsync();

        var done = await harness.RunAsync(RunnerHarness.Suite(Suite));

        Assert.Equal(6, harness.Jobs.Count);
        Assert.Equal(5, Assert.Single(done.Data.GetProperty("results").EnumerateArray()).GetProperty("n").GetInt32());
        Assert.Equal(5, harness.Published.Count(e => e.Tag.EndsWith("/progress", StringComparison.Ordinal) && !e.Data.GetProperty("warmup").GetBoolean()));
    }

    [Fact]
    public async Task Run_OomThenSuccess_RetriesAndRecordsBothAttempts()
    {
        await using var harness = new RunnerHarness();
        harness.Answer(RunnerHarness.Return(logs: "v=1"), RunnerHarness.Return(exitCode: 137, oom: true));
        await harness.StartAsync();

        var done = await harness.RunAsync(RunnerHarness.Suite(Suite), id: "retry-run");

        Assert.EndsWith("/done", done.Tag, StringComparison.Ordinal);
        var detail = await harness.Store.FindAsync("retry-run", CancellationToken.None);
        var first = detail!.Repetitions.Where(r => !r.Warmup && r.Index == 1).OrderBy(r => r.Attempt).ToList();
        Assert.Equal([(1, BenchmarkStatus.Failed, "oom", 137), (2, BenchmarkStatus.Ok, null, 0)], first.Select(r => (r.Attempt, r.Status, r.Reason, r.ExitCode)).Select(t => (t.Attempt, t.Status, t.Reason, t.ExitCode ?? -1)));
        Assert.All(detail.Repetitions, r => Assert.NotNull(r.ContainerId));
    }

    [Theory]
    [InlineData(137, true, false, "oom")]
    [InlineData(3, false, false, "exit 3")]
    [InlineData(137, false, true, "timeout")]
    public async Task Run_EveryAttemptFails_FailsTheRunWithTheReason(int exitCode, bool oom, bool timedOut, string reason)
    {
        await using var harness = new RunnerHarness();
        harness.Answer(RunnerHarness.Return(logs: "v=1"), RunnerHarness.Return(exitCode, oom: oom, timedOut: timedOut), RunnerHarness.Return(exitCode, oom: oom, timedOut: timedOut));
        await harness.StartAsync();

        var failed = await harness.RunAsync(RunnerHarness.Suite(Suite), id: "fail-run");

        Assert.Equal(("bench/fail-run/failed", "failed", reason), (failed.Tag, failed.Data.GetProperty("status").GetString(), failed.Data.GetProperty("reason").GetString()));
        Assert.Equal(3, harness.Jobs.Count);
        var detail = await harness.Store.FindAsync("fail-run", CancellationToken.None);
        Assert.Equal((BenchmarkStatus.Failed, reason), (detail!.Run.Status, detail.Run.Reason));
        Assert.Equal((BenchmarkStatus.Failed, reason), (detail.Hosts[0].Status, detail.Hosts[0].Reason));
    }

    [Fact]
    public async Task Run_NoResultInTheOutput_FailsAsAnErrorNamingTheReader()
    {
        await using var harness = new RunnerHarness();
        harness.Answer(RunnerHarness.Return(logs: "nothing here"), RunnerHarness.Return(logs: "still nothing"));
        await harness.StartAsync();

        var failed = await harness.RunAsync(RunnerHarness.Suite(Suite));

        Assert.StartsWith("error: results[0]: the regex", failed.Data.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MinionStopsBeforeReturning_RecordsLostAndRetries()
    {
        await using var harness = new RunnerHarness();
        harness.Answer(RunnerHarness.Return(logs: "v=1"), null);
        await harness.StartAsync();

        var running = harness.RunAsync(RunnerHarness.Suite(Suite), id: "lost-run");
        while (harness.Jobs.Count < 2)
        {
            await Task.Delay(20);
        }

        await harness.Executor.ObserveAsync(EventEnvelope.Create($"minion/{RunnerHarness.Minion}/stop", "/minion/m1"), CancellationToken.None);
        var done = await running;

        Assert.EndsWith("/done", done.Tag, StringComparison.Ordinal);
        var first = (await harness.Store.FindAsync("lost-run", CancellationToken.None))!.Repetitions.Where(r => !r.Warmup && r.Index == 1).OrderBy(r => r.Attempt).ToList();
        Assert.Equal([(BenchmarkStatus.Failed, "lost: the minion stopped"), (BenchmarkStatus.Ok, null)], first.Select(r => (r.Status, r.Reason)));
    }

    [Fact]
    public async Task Run_MinionLostFromPresence_FailsTheAttemptAsLost()
    {
        await using var harness = new RunnerHarness();
        harness.Answer(RunnerHarness.Return(logs: "v=1"), null, null);
        await harness.StartAsync();

        var running = harness.RunAsync(RunnerHarness.Suite(Suite));
        for (var seen = 2; seen <= 3; seen++)
        {
            while (harness.Jobs.Count < seen)
            {
                await Task.Delay(20);
            }

            await Task.Delay(50);
            await harness.Executor.ObserveAsync(EventEnvelope.Create("presence/change", "/reactor", JsonSerializer.SerializeToElement(new { @new = Array.Empty<string>(), lost = new[] { "m1" } })), CancellationToken.None);
        }

        var failed = await running;

        Assert.Equal("lost: the minion missed its heartbeats", failed.Data.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Run_NoReturnWithinTimeoutAndGrace_FailsAsLost()
    {
        await using var harness = new RunnerHarness(returnGrace: TimeSpan.FromMilliseconds(100));
        harness.Answer((string?)null);
        await harness.StartAsync();

        var failed = await harness.RunAsync(RunnerHarness.Suite("image: b\ntimeout: 1s\nrepetitions: 1\nresults: [{ json_lines: true }]\n"));

        Assert.Equal("lost: no return within 1s", failed.Data.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Run_MinionNotPresent_FailsAsLostWithoutSendingAJob()
    {
        await using var harness = new RunnerHarness();
        harness.Minions.With("gone", present: false);
        await harness.StartAsync();
        var suite = RunnerHarness.Suite("image: b\nrepetitions: 1\nresults: [{ json_lines: true }]\n");
        var run = new BenchmarkRun("gone-run", suite.Name, BenchmarkStatus.Pending, null, "gone", "list", ["gone"], RunPolicy.From(suite), "", null, DateTimeOffset.UtcNow, null, null);
        await harness.Store.CreateRunAsync(run, [new BenchmarkHost("gone-run", "gone", BenchmarkStatus.Pending, null, GrainsSnapshot.From(null))], CancellationToken.None);

        harness.Runner.Enqueue(new PendingRun(run, suite, new Dictionary<string, GrainsSnapshot>(), EventEnvelope.Create("bench/gone-run/new", "/reactor")));
        var failed = await harness.WaitForAsync(e => e.Tag == "bench/gone-run/failed");

        Assert.Equal("lost: the minion is not present", failed.Data.GetProperty("reason").GetString());
        Assert.Empty(harness.Jobs);
    }

    [Fact]
    public async Task Start_RunLeftRunningByAStoppedReactor_IsFailedAsInterrupted()
    {
        await using var harness = new RunnerHarness();
        harness.Migrate();
        var suite = RunnerHarness.Suite(Suite);
        var run = new BenchmarkRun("old-run", suite.Name, BenchmarkStatus.Running, null, "m1", "list", ["m1"], RunPolicy.From(suite), "", null, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(-1), null);
        await harness.Store.CreateRunAsync(run, [new BenchmarkHost("old-run", "m1", BenchmarkStatus.Running, null, GrainsSnapshot.From(null))], CancellationToken.None);
        await harness.Store.SaveRepetitionAsync(new BenchmarkRepetition("old-run", "m1", false, 1, 1, "jid-1", null, BenchmarkStatus.Running, null, null, DateTimeOffset.UtcNow, null, []), CancellationToken.None);

        await harness.StartAsync();
        var failed = await harness.WaitForAsync(e => e.Tag == "bench/old-run/failed");

        Assert.Equal(BenchmarkRunner.InterruptedReason, failed.Data.GetProperty("reason").GetString());
        var detail = await harness.Store.FindAsync("old-run", CancellationToken.None);
        Assert.Equal((BenchmarkStatus.Failed, BenchmarkStatus.Failed, BenchmarkStatus.Failed), (detail!.Run.Status, detail.Hosts[0].Status, detail.Repetitions[0].Status));
    }

    [Fact]
    public async Task Start_AnotherReactorHoldsTheLease_RunLeftRunningIsLeftToIt()
    {
        await using var harness = new RunnerHarness();
        harness.Migrate();
        Assert.NotNull(await harness.HoldLeaseElsewhereAsync());
        var suite = RunnerHarness.Suite(Suite);
        var run = new BenchmarkRun("its-run", suite.Name, BenchmarkStatus.Running, null, "m1", "list", ["m1"], RunPolicy.From(suite), "", null, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(-1), null);
        await harness.Store.CreateRunAsync(run, [new BenchmarkHost("its-run", "m1", BenchmarkStatus.Running, null, GrainsSnapshot.From(null))], CancellationToken.None);

        await harness.StartAsync();
        await harness.RunAsync(suite);

        Assert.Equal(BenchmarkStatus.Running, (await harness.Store.FindAsync("its-run", CancellationToken.None))!.Run.Status);
        Assert.DoesNotContain(harness.Published, e => e.Tag.StartsWith("bench/its-run/", StringComparison.Ordinal));
    }
}
