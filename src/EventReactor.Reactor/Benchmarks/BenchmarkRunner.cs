using EventReactor.Reactor.Outbox;
using EventReactor.Contracts.Api;
using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using EventReactor.Contracts;
using EventReactor.Contracts.Reactor;
using EventReactor.Contracts.Benchmarks;
using EventReactor.Core.Benchmarks;
using EventReactor.Messaging;
using EventReactor.Reactor.Leases;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EventReactor.Reactor.Benchmarks;

/// <summary>
/// Drives benchmark runs. Each target minion runs its warm-ups and then its repetitions one after another, until the
/// suite's repetition rule stops it; minions of a run work in parallel, but one minion runs one series at a time, so
/// that two runs never measure each other. A host that fails a repetition (after its retries) fails the run; the other
/// hosts finish theirs. Runs left pending or running by a stopped reactor are failed with a reason by the reactor that
/// holds the <see cref="LeaseName.BenchmarkRunner"/> lease, when it takes it (at start, or when it takes over from one that
/// died); a reactor without the lease leaves them alone, since they may be another live reactor's.
/// </summary>
internal sealed partial class BenchmarkRunner(
    IBenchmarkStore store,
    RepetitionExecutor repetitions,
    RegressionCheck regressions,
    IEventEmitter emitter,
    LeaseKeeper leases,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<BenchmarkRunner> logger) : BackgroundService
{
    public const string InterruptedReason = "interrupted: the reactor stopped during the run";

    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(5);

    // A run is recorded a moment before it is handed to the runner of the reactor that recorded it; one younger than
    // this at a takeover may still be on its way to that runner.
    private static readonly TimeSpan HandOver = TimeSpan.FromSeconds(5);

    private readonly Channel<PendingRun> _queue = Channel.CreateUnbounded<PendingRun>();
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _hostLocks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task> _active = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _accepted = new(StringComparer.Ordinal);

    // Runs recorded since this runner exists belong to this process, even before they reach the queue.
    private readonly DateTimeOffset _since = time.GetUtcNow();

    public void Enqueue(PendingRun run)
    {
        // Marked before the queue so that the start-up sweep, which may still be running, leaves this run alone.
        _accepted[run.Run.Id] = true;
        if (!_queue.Writer.TryWrite(run))
        {
            throw new InvalidOperationException("the benchmark runner has stopped");
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sweeping = Task.CompletedTask;
        try
        {
            // Events published before the bus has started would wait on it; the host says when everything is up.
            await WhenStartedAsync(stoppingToken);
            sweeping = leases.RunWhileHeldAsync(LeaseName.BenchmarkRunner, SweepWhileHeldAsync, stoppingToken);
            await foreach (var pending in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                _active[pending.Run.Id] = RunAsync(pending, stoppingToken);
                foreach (var finished in _active.Where(a => a.Value.IsCompleted).Select(a => a.Key).ToList())
                {
                    _active.TryRemove(finished, out _);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the runs in flight record that they were interrupted.
        }

        _queue.Writer.TryComplete();
        await Task.WhenAll(_active.Values);
        await sweeping;
    }

    private async Task SweepWhileHeldAsync(LeaseToken lease, CancellationToken held)
    {
        var now = time.GetUtcNow();
        var before = now - HandOver > _since ? now - HandOver : _since;
        await FailInterruptedAsync(lease, before, held);
        await Task.Delay(Timeout.InfiniteTimeSpan, time, held);
    }

    private async Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);
    }

    private async Task FailInterruptedAsync(LeaseToken lease, DateTimeOffset before, CancellationToken held)
    {
        foreach (var run in (await store.ListUnfinishedAsync(held)).Where(r => r.CreatedAt < before && !_accepted.ContainsKey(r.Id)))
        {
            held.ThrowIfCancellationRequested();
            LogInterrupted(logger, run.Id, run.Suite);
            await FinishAsync(run, run.StartedAt, InterruptedReason, [], new Dictionary<string, GrainsSnapshot>(), held, lease: lease);
        }
    }

    private async Task RunAsync(PendingRun pending, CancellationToken stoppingToken)
    {
        var run = pending.Run;
        var startedAt = time.GetUtcNow();
        try
        {
            await store.SetRunStatusAsync(run.Id, BenchmarkStatus.Running, null, startedAt, null, stoppingToken);
            await PublishAsync(pending.Cause.CreateCaused(BenchmarkTags.Started(run.Id), ReactorTags.Source, BenchmarkEvents.Started(run)), stoppingToken);
            LogStarted(logger, run.Id, run.Suite, string.Join(", ", run.Minions));
            var hosts = await Task.WhenAll(run.Minions.Select(minion => RunHostAsync(pending, minion, stoppingToken)));
            var reason = hosts.Select(h => h.Reason).FirstOrDefault(r => r is not null);
            await FinishAsync(run, startedAt, reason, hosts.SelectMany(h => h.Results).ToList(), pending.Grains, stoppingToken, pending.Cause);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The bus may stop before this service does: the announcement gets a few seconds, the store has the truth.
            using var grace = new CancellationTokenSource(ShutdownGrace);
            await FinishAsync(run, startedAt, InterruptedReason, [], pending.Grains, grace.Token, pending.Cause);
        }
        catch (Exception ex)
        {
            // The store or the bus failed under the run: it cannot go on, but it must not stay "running".
            LogRunCrashed(logger, ex, run.Id);
            await FinishAsync(run, startedAt, RepetitionReasons.Error(ex.Message), [], pending.Grains, CancellationToken.None, pending.Cause);
        }
    }

    private async Task<(string? Reason, IReadOnlyList<HostMetricResult> Results)> RunHostAsync(PendingRun pending, string minion, CancellationToken cancellationToken)
    {
        var run = pending.Run;
        var hostLock = _hostLocks.GetOrAdd(minion, _ => new SemaphoreSlim(1, 1));
        await hostLock.WaitAsync(cancellationToken);
        try
        {
            await store.SetHostStatusAsync(run.Id, minion, BenchmarkStatus.Running, null, cancellationToken);
            for (var warmup = 1; warmup <= pending.Suite.Repetitions.Warmup; warmup++)
            {
                var outcome = await repetitions.RunAsync(pending, minion, true, warmup, cancellationToken);
                await ProgressAsync(pending, minion, true, warmup, outcome.Reason, cancellationToken);
                if (!outcome.Succeeded)
                {
                    return await FailHostAsync(run, minion, outcome.Reason!, cancellationToken);
                }
            }

            var measured = new List<MetricValue>();
            for (var index = 1; ; index++)
            {
                var outcome = await repetitions.RunAsync(pending, minion, false, index, cancellationToken);
                await ProgressAsync(pending, minion, false, index, outcome.Reason, cancellationToken);
                if (!outcome.Succeeded)
                {
                    return await FailHostAsync(run, minion, outcome.Reason!, cancellationToken);
                }

                measured.AddRange(outcome.Values);
                var results = Summarise(run.Id, minion, measured);
                if (pending.Suite.Repetitions.Decide(index, results.Select(r => r.Stats)) != RepetitionDecision.Continue)
                {
                    await store.SaveResultsAsync(results, cancellationToken);
                    await store.SetHostStatusAsync(run.Id, minion, BenchmarkStatus.Done, null, cancellationToken);
                    return (null, results);
                }
            }
        }
        finally
        {
            hostLock.Release();
        }
    }

    private async Task<(string? Reason, IReadOnlyList<HostMetricResult> Results)> FailHostAsync(BenchmarkRun run, string minion, string reason, CancellationToken cancellationToken)
    {
        LogHostFailed(logger, run.Id, minion, reason);
        await store.SetHostStatusAsync(run.Id, minion, BenchmarkStatus.Failed, reason, cancellationToken);
        return (reason, []);
    }

    private static List<HostMetricResult> Summarise(string run, string minion, List<MetricValue> values) =>
        values.GroupBy(v => v.Metric, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new HostMetricResult(run, minion, g.Key, g.Last().Unit, g.Last().HigherIsBetter, MetricStatistics.Of(g.Select(v => v.Value).ToList())))
            .ToList();

    private Task ProgressAsync(PendingRun pending, string minion, bool warmup, int completed, string? reason, CancellationToken cancellationToken) =>
        PublishAsync(pending.Cause.CreateCaused(BenchmarkTags.Progress(pending.Run.Id), ReactorTags.Source, BenchmarkEvents.Progress(pending.Run, minion, warmup, completed, reason)), cancellationToken);

    private async Task FinishAsync(BenchmarkRun run, DateTimeOffset? startedAt, string? reason, IReadOnlyList<HostMetricResult> results, IReadOnlyDictionary<string, GrainsSnapshot> grains, CancellationToken cancellationToken, EventEnvelope? cause = null, LeaseToken? lease = null)
    {
        var failed = reason is not null;
        var status = failed ? BenchmarkStatus.Failed : BenchmarkStatus.Done;
        var endedAt = time.GetUtcNow();
        await store.SetRunStatusAsync(run.Id, status, reason, null, endedAt, cancellationToken);
        if (failed)
        {
            await store.FailRunningRepetitionsAsync(run.Id, reason!, endedAt, cancellationToken);
            foreach (var host in run.Minions)
            {
                // Hosts that had not finished when the run ended share its reason; finished ones keep theirs.
                await store.SetHostStatusAsync(run.Id, host, BenchmarkStatus.Failed, reason, cancellationToken, onlyUnfinished: true);
            }
        }

        var data = BenchmarkEvents.Finished(run, status, reason, startedAt, endedAt, results, grains);
        var tag = BenchmarkTags.Finished(run.Id, failed);
        var finished = cause?.CreateCaused(tag, ReactorTags.Source, data) ?? EventEnvelope.Create(tag, ReactorTags.Source, data);
        await PublishAsync(finished, cancellationToken, lease);
        LogFinished(logger, run.Id, run.Suite, status.ToWire(), reason ?? "-");
        if (results.Count > 0)
        {
            await PublishRegressionsAsync(run, finished, cancellationToken);
        }
    }

    private async Task PublishRegressionsAsync(BenchmarkRun run, EventEnvelope finished, CancellationToken cancellationToken)
    {
        IReadOnlyList<BenchmarkRunRegressed> found;
        try
        {
            found = await regressions.FindAsync(run, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The run is recorded and announced; a failed comparison must not undo that.
            LogRegressionCheckFailed(logger, ex, run.Id);
            return;
        }

        foreach (var regression in found)
        {
            LogRegressed(logger, run.Id, regression.Minion, regression.Metric, regression.ChangePercent ?? 0);
            await PublishAsync(finished.CreateCaused(BenchmarkTags.Regressed(run.Id), ReactorTags.Source, EventData.ToElement(regression)), cancellationToken);
        }
    }

    private async Task PublishAsync(EventEnvelope envelope, CancellationToken cancellationToken, LeaseToken? lease = null)
    {
        try
        {
            await (lease is null ? emitter.EmitAsync(envelope, cancellationToken) : emitter.EmitAsync(envelope, lease, cancellationToken));
        }
        catch (Exception ex)
        {
            // The run's state is in the store either way; a lost announcement must not stop the run (a stop still
            // does: the next step that takes the token ends it).
            LogPublishFailed(logger, ex, envelope.Tag);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Benchmark run {Run} ({Suite}) started on {Minions}")]
    private static partial void LogStarted(ILogger logger, string run, string suite, string minions);

    [LoggerMessage(Level = LogLevel.Information, Message = "Benchmark run {Run} ({Suite}) ended {Status}: {Reason}")]
    private static partial void LogFinished(ILogger logger, string run, string suite, string status, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Benchmark run {Run}: {Minion} failed: {Reason}")]
    private static partial void LogHostFailed(ILogger logger, string run, string minion, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Benchmark run {Run} ({Suite}) was interrupted by a stop of the reactor; marking it failed")]
    private static partial void LogInterrupted(ILogger logger, string run, string suite);

    [LoggerMessage(Level = LogLevel.Error, Message = "Benchmark run {Run} failed in the reactor")]
    private static partial void LogRunCrashed(ILogger logger, Exception exception, string run);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Benchmark run {Run}: {Minion}'s {Metric} regressed by {Change:F1}% against its baseline")]
    private static partial void LogRegressed(ILogger logger, string run, string minion, string metric, double change);

    [LoggerMessage(Level = LogLevel.Error, Message = "Benchmark run {Run} could not be compared with its baseline")]
    private static partial void LogRegressionCheckFailed(ILogger logger, Exception exception, string run);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish {Tag}")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string tag);
}
