using EventReactor.Messaging.Resilience;
using EventReactor.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EventReactor.Minion.Tests;

public sealed class MinionResilienceExtensionsTests
{
    public static TheoryData<string, double[]> Waits => new()
    {
        // The waits the hand-written loops had: each doubles from its first to its cap.
        { ResiliencePipelineNames.OutboxDrain, [0.2, 0.4, 0.8, 1.6, 3.2, 5, 5] },
        { ResiliencePipelineNames.OutboxAppend, [0.2, 0.4, 0.8, 1.6, 3.2, 6.4, 10, 10] },
        { ResiliencePipelineNames.MinionAnnounce, [0.5, 1, 2, 4, 8, 16, 30, 30] },
        { ResiliencePipelineNames.DockerConnect, [1, 2, 4, 8, 16, 30, 30] },
        { ResiliencePipelineNames.DockerResume, [1, 1, 1] },
        { ResiliencePipelineNames.DirectPublish, [0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 5, 5] },
    };

    [Theory]
    [MemberData(nameof(Waits))]
    public async Task Pipeline_FailingThenSucceeding_WaitsAsBeforeThenReturns(string name, double[] expected)
    {
        var time = new FakeTimeProvider();
        var pipeline = TestPipelines.For(time: time).GetPipeline(name);
        var waits = new List<double>();
        var hooks = new RetryHooks { OnRetry = (_, delay) => waits.Add(delay.TotalSeconds) };
        var attempts = 0;

        var run = pipeline.RunAsync(
            _ => ++attempts <= expected.Length ? ValueTask.FromException(new IOException("away")) : ValueTask.CompletedTask,
            hooks,
            CancellationToken.None).AsTask();
        await time.AdvanceUntilAsync(() => run.IsCompleted, TimeSpan.FromSeconds(1));
        await run;

        Assert.Equal(expected, waits);
        Assert.Equal(expected.Length + 1, attempts);
    }

    [Fact]
    public async Task Pipeline_FailingForLong_KeepsWaitingTheCap()
    {
        // Past about 40 doublings the wait overflows a TimeSpan, past 1,024 a double: it must still be the cap.
        const int Failures = 1_050;
        var time = new FakeTimeProvider();
        var pipeline = TestPipelines.For(time: time).GetPipeline(ResiliencePipelineNames.DirectPublish);
        var waits = new List<TimeSpan>();
        var attempts = 0;

        var run = pipeline.RunAsync(
            _ => ++attempts <= Failures ? ValueTask.FromException(new IOException("away")) : ValueTask.CompletedTask,
            new RetryHooks { OnRetry = (_, delay) => waits.Add(delay) },
            CancellationToken.None).AsTask();
        await time.AdvanceUntilAsync(() => run.IsCompleted, TimeSpan.FromSeconds(5));
        await run;

        Assert.Equal(Failures, waits.Count);
        Assert.All(waits.Skip(10), wait => Assert.Equal(TimeSpan.FromSeconds(5), wait));
    }

    [Fact]
    public async Task Pipeline_Retrying_LeavesTheWarningsToTheCallerAndLogsPollysOwnEventsAtDebug()
    {
        var logs = new CapturingLoggerProvider();
        var time = new FakeTimeProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton(Options.Create(new MinionOptions { Id = "m1" }));
        services.AddMinionResilience();
        var pipeline = services.BuildServiceProvider().GetResiliencePipeline(ResiliencePipelineNames.OutboxAppend);
        var attempts = 0;

        var run = pipeline.RunAsync(_ => ++attempts == 1 ? ValueTask.FromException(new IOException("away")) : ValueTask.CompletedTask, new RetryHooks(), CancellationToken.None).AsTask();
        await time.AdvanceUntilAsync(() => run.IsCompleted, TimeSpan.FromMilliseconds(200));
        await run;

        Assert.Contains(logs.Entries, entry => entry.Category.StartsWith("Polly", StringComparison.Ordinal));
        Assert.All(logs.Entries.Where(entry => entry.Category.StartsWith("Polly", StringComparison.Ordinal)), entry => Assert.True(entry.Level <= LogLevel.Debug, entry.Message));
    }

    [Fact]
    public async Task Pipeline_CancelledWhileWaiting_ThrowsOperationCanceledAndTriesNoMore()
    {
        var time = new FakeTimeProvider();
        var pipeline = TestPipelines.For(time: time).GetPipeline(ResiliencePipelineNames.MinionAnnounce);
        using var stopping = new CancellationTokenSource();
        var attempts = 0;

        var run = pipeline.RunAsync(_ => { attempts++; return ValueTask.FromException(new IOException("away")); }, new RetryHooks(), stopping.Token).AsTask();
        await stopping.CancelAsync();
        time.Advance(TimeSpan.FromMinutes(1));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task Pipeline_NotTransient_ThrowsAtOnce()
    {
        var pipeline = TestPipelines.For(time: new FakeTimeProvider()).GetPipeline(ResiliencePipelineNames.OutboxAppend);
        var hooks = new RetryHooks { Transient = failure => failure is not InvalidOperationException };

        await Assert.ThrowsAsync<InvalidOperationException>(() => pipeline.RunAsync(_ => ValueTask.FromException(new InvalidOperationException("bad")), hooks, CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task Pipeline_IncompleteResult_TriesAgainUntilComplete()
    {
        var time = new FakeTimeProvider();
        var pipeline = TestPipelines.For(time: time).GetPipeline(ResiliencePipelineNames.OutboxDrain);
        var attempts = 0;
        var hooks = new RetryHooks { Incomplete = result => result is false };

        var run = pipeline.RunAsync(_ => ValueTask.FromResult(++attempts == 3), hooks, CancellationToken.None).AsTask();
        await time.AdvanceUntilAsync(() => run.IsCompleted, TimeSpan.FromMilliseconds(100));

        Assert.True(await run);
        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task OutboxDrain_AttemptHangs_CutAtThePublishTimeoutAndTriedAgain()
    {
        var time = new FakeTimeProvider();
        var pipeline = TestPipelines.For(time: time).GetPipeline(ResiliencePipelineNames.OutboxDrain);
        var attempts = 0;
        Exception? cut = null;
        var hooks = new RetryHooks { OnRetry = (failure, _) => cut = failure };

        var run = pipeline.RunAsync(
            async token =>
            {
                if (++attempts == 1)
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, token);
                }
            },
            hooks,
            CancellationToken.None).AsTask();
        await time.AdvanceUntilAsync(() => run.IsCompleted, TimeSpan.FromMilliseconds(100));
        await run;

        Assert.Equal(2, attempts);
        Assert.IsType<Polly.Timeout.TimeoutRejectedException>(cut);
    }
}
