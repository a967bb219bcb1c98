using System.Text.Json;
using EventReactor.Core.Statistics;

namespace EventReactor.Reactor.Benchmarks;

/// <summary>
/// The data of a run's events. <c>done</c> and <c>failed</c> have a fixed shape that sinks index
/// (<c>run, suite, status, reason, startedAt, endedAt, results: [{minion, metric, unit, higherIsBetter, n, mean, stddev,
/// min, max, p50, p95, rsd, grains: {cpuModel, gpuModels, instanceType}}]</c>); change it only with them.
/// <c>regressed</c> carries one metric of one host that got significantly worse than its baseline.
/// </summary>
internal static class BenchmarkEvents
{
    public static JsonElement New(BenchmarkRun run) => JsonSerializer.SerializeToElement(new
    {
        run = run.Id,
        suite = run.Suite,
        tgt = run.Target,
        tgt_type = run.TargetType,
        minions = run.Minions,
        policy = run.Policy,
    }, JsonSerializerOptions.Web);

    public static JsonElement Started(BenchmarkRun run) => JsonSerializer.SerializeToElement(new { run = run.Id, suite = run.Suite, minions = run.Minions });

    public static JsonElement Progress(BenchmarkRun run, string minion, bool warmup, int completed, string? reason) => JsonSerializer.SerializeToElement(new
    {
        run = run.Id,
        suite = run.Suite,
        minion,
        warmup,
        completed,
        min = warmup ? run.Policy.Warmup : run.Policy.Min,
        max = warmup ? run.Policy.Warmup : run.Policy.Max,
        reason,
    });

    public static JsonElement Finished(BenchmarkRun run, string status, string? reason, DateTimeOffset? startedAt, DateTimeOffset endedAt, IReadOnlyList<HostMetricResult> results, IReadOnlyDictionary<string, GrainsSnapshot> grains) =>
        JsonSerializer.SerializeToElement(new
        {
            run = run.Id,
            suite = run.Suite,
            status,
            reason,
            startedAt,
            endedAt,
            results = results.Select(r => new
            {
                minion = r.Minion,
                metric = r.Metric,
                unit = r.Unit,
                higherIsBetter = r.HigherIsBetter,
                n = r.Stats.N,
                mean = r.Stats.Mean,
                stddev = r.Stats.StdDev,
                min = r.Stats.Min,
                max = r.Stats.Max,
                p50 = r.Stats.P50,
                p95 = r.Stats.P95,
                rsd = r.Stats.Rsd,
                grains = Grains(grains.GetValueOrDefault(r.Minion)),
            }),
        });

    public static JsonElement Regressed(BenchmarkRun run, string minion, string metric, string unit, bool higherIsBetter, string grain, string group, IReadOnlyList<string> baselineRuns, SampleComparison comparison) =>
        JsonSerializer.SerializeToElement(new
        {
            run = run.Id,
            suite = run.Suite,
            minion,
            metric,
            unit,
            higherIsBetter,
            grain,
            group,
            baselineRuns,
            baseline = Side(comparison.Before),
            current = Side(comparison.After),
            changePercent = comparison.ChangePercent,
            changeLow = comparison.ChangeInterval?.Interval.Low,
            changeHigh = comparison.ChangeInterval?.Interval.High,
            pValue = comparison.Test.PValue,
            test = $"mann-whitney-u ({comparison.Test.Method.ToString().ToLowerInvariant()})",
            warnings = comparison.Warnings,
        });

    private static object Side(SampleSummary side) => new { n = side.N, mean = side.Mean, low = side.Interval?.Low, high = side.Interval?.High };

    private static object Grains(GrainsSnapshot? snapshot) => new
    {
        cpuModel = snapshot?.CpuModel,
        gpuModels = snapshot?.GpuModels ?? [],
        instanceType = snapshot?.InstanceType,
    };
}
