using EventReactor.Contracts.Api;
using EventReactor.Core.Benchmarks;
using EventReactor.Contracts.Benchmarks;

namespace EventReactor.Reactor.Benchmarks;

/// <summary>The API's shape of a run: per host its grains, progress, every attempt (with its container's metrics summary) and results.</summary>
internal static class BenchmarkRunView
{
    public static BenchmarkRunSummary Summary(BenchmarkRun run) => new(
        run.Id,
        run.Suite,
        run.Status,
        run.Reason,
        run.Target,
        run.TargetType,
        run.Minions,
        new BenchmarkPolicy(run.Policy.Warmup, run.Policy.Min, run.Policy.Max, run.Policy.RsdThreshold, run.Policy.Retries, run.Policy.TimeoutSeconds),
        run.CausedBy,
        run.CreatedAt,
        run.StartedAt,
        run.EndedAt);

    public static async Task<BenchmarkRunReport> DetailAsync(BenchmarkRunDetail detail, IRepetitionMetrics metrics, CancellationToken cancellationToken)
    {
        // One read of metrics.db for the whole run, not one per repetition.
        var containerIds = detail.Repetitions.Select(r => r.ContainerId).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var sampled = await metrics.SummariseAsync(containerIds, cancellationToken);
        var hosts = detail.Hosts.Select(host =>
        {
            var attempts = detail.Repetitions.Where(r => r.Minion == host.Minion).ToList();
            return new BenchmarkHostReport(
                host.Minion,
                host.Status,
                host.Reason,
                new BenchmarkHostGrains(host.Grains.CpuModel, host.Grains.GpuModels, host.Grains.InstanceType),
                attempts.Count(r => r.Warmup && r.Status == BenchmarkStatus.Ok),
                attempts.Count(r => !r.Warmup && r.Status == BenchmarkStatus.Ok),
                attempts.Select(r => Attempt(r, r.ContainerId is { } id ? sampled.GetValueOrDefault(id) : null)).ToList(),
                detail.Results.Where(r => r.Minion == host.Minion).Select(r => Result(r.Metric, r.Unit, r.HigherIsBetter, r.Stats)).ToList());
        }).ToList();
        return new BenchmarkRunReport(Summary(detail.Run), detail.Run.Definition, hosts);
    }

    public static BenchmarkComparisonRow Comparison(BenchmarkComparison c, string by) => new(
        c.Suite, c.Metric, c.Unit, c.HigherIsBetter, by, c.Group, c.Runs, c.RunIds, c.Minions,
        c.Stats.N, c.Stats.Mean, c.Stats.StdDev, c.Stats.Min, c.Stats.Max, c.Stats.P50, c.Stats.P95, c.Stats.Rsd, c.Interval?.Low, c.Interval?.High, c.Tier);

    private static BenchmarkAttempt Attempt(BenchmarkRepetition r, ContainerMetricsSummary? containerMetrics) => new(
        r.Warmup,
        r.Index,
        r.Attempt,
        r.Jid,
        r.ContainerId,
        r.Status,
        r.Reason,
        r.ExitCode,
        r.StartedAt,
        r.EndedAt,
        r.EndedAt is { } ended ? Math.Round((ended - r.StartedAt).TotalMilliseconds) : null,
        r.Values.Select(v => new BenchmarkValue(v.Metric, v.Value, v.Unit, v.HigherIsBetter)).ToList(),
        containerMetrics);

    private static BenchmarkMetricResult Result(string metric, string unit, bool higherIsBetter, MetricStatistics s) =>
        new(metric, unit, higherIsBetter, s.N, s.Mean, s.StdDev, s.Min, s.Max, s.P50, s.P95, s.Rsd);
}
