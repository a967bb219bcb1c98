using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Contracts.Api;
using EventReactor.Contracts.Benchmarks;
using EventReactor.Core.Statistics;

namespace EventReactor.Reactor.Benchmarks;

/// <summary>
/// The data of a run's events. <c>done</c> and <c>failed</c> have a fixed shape that sinks index
/// (<see cref="BenchmarkRunFinished"/>); change it only with them.
/// <c>regressed</c> carries one metric of one host that got significantly worse than its baseline
/// (<see cref="BenchmarkRunRegressed"/>).
/// </summary>
internal static class BenchmarkEvents
{
    public static JsonElement New(BenchmarkRun run) => EventData.ToElement(new BenchmarkRunCreated(
        run.Id,
        run.Suite,
        run.Target,
        run.TargetType,
        run.Minions,
        new BenchmarkPolicy(run.Policy.Warmup, run.Policy.Min, run.Policy.Max, run.Policy.RsdThreshold, run.Policy.Retries, run.Policy.TimeoutSeconds)));

    public static JsonElement Started(BenchmarkRun run) => EventData.ToElement(new BenchmarkRunStarted(run.Id, run.Suite, run.Minions));

    public static JsonElement Progress(BenchmarkRun run, string minion, bool warmup, int completed, string? reason) => EventData.ToElement(new BenchmarkRunProgressed(
        run.Id,
        run.Suite,
        minion,
        warmup,
        completed,
        warmup ? run.Policy.Warmup : run.Policy.Min,
        warmup ? run.Policy.Warmup : run.Policy.Max,
        reason));

    public static JsonElement Finished(BenchmarkRun run, BenchmarkStatus status, string? reason, DateTimeOffset? startedAt, DateTimeOffset endedAt, IReadOnlyList<HostMetricResult> results, IReadOnlyDictionary<string, GrainsSnapshot> grains) =>
        EventData.ToElement(new BenchmarkRunFinished(
            run.Id,
            run.Suite,
            status,
            reason,
            startedAt,
            endedAt,
            results.Select(r => new BenchmarkHostResult(
                r.Minion,
                r.Metric,
                r.Unit,
                r.HigherIsBetter,
                r.Stats.N,
                r.Stats.Mean,
                r.Stats.StdDev,
                r.Stats.Min,
                r.Stats.Max,
                r.Stats.P50,
                r.Stats.P95,
                r.Stats.Rsd,
                Grains(grains.GetValueOrDefault(r.Minion)))).ToList()));

    public static BenchmarkRunRegressed Regressed(BenchmarkRun run, string minion, string metric, string unit, bool higherIsBetter, string grain, string group, IReadOnlyList<string> baselineRuns, SampleComparison comparison) => new(
        run.Id,
        run.Suite,
        minion,
        metric,
        unit,
        higherIsBetter,
        grain,
        group,
        baselineRuns,
        Side(comparison.Before),
        Side(comparison.After),
        comparison.ChangePercent,
        comparison.ChangeInterval?.Interval.Low,
        comparison.ChangeInterval?.Interval.High,
        comparison.Test.PValue,
        $"mann-whitney-u ({comparison.Test.Method.ToString().ToLowerInvariant()})",
        comparison.Warnings);

    private static BenchmarkSampleSide Side(SampleSummary side) => new(side.N, side.Mean, side.Interval?.Low, side.Interval?.High);

    private static BenchmarkHostGrains Grains(GrainsSnapshot? snapshot) => new(snapshot?.CpuModel, snapshot?.GpuModels ?? [], snapshot?.InstanceType);
}
