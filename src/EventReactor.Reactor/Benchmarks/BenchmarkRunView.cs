namespace EventReactor.Reactor.Benchmarks;

/// <summary>The API's shape of a run: per host its grains, progress, every attempt (with its container's metrics summary) and results.</summary>
internal static class BenchmarkRunView
{
    public static object Summary(BenchmarkRun run) => new
    {
        id = run.Id,
        suite = run.Suite,
        status = run.Status,
        reason = run.Reason,
        target = run.Target,
        targetType = run.TargetType,
        minions = run.Minions,
        policy = run.Policy,
        causedBy = run.CausedBy,
        createdAt = run.CreatedAt,
        startedAt = run.StartedAt,
        endedAt = run.EndedAt,
    };

    public static async Task<object> DetailAsync(BenchmarkRunDetail detail, IRepetitionMetrics metrics, CancellationToken cancellationToken)
    {
        // One read of metrics.db for the whole run, not one per repetition.
        var containerIds = detail.Repetitions.Select(r => r.ContainerId).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var sampled = await metrics.SummariseAsync(containerIds, cancellationToken);
        var hosts = new List<object>();
        foreach (var host in detail.Hosts)
        {
            var attempts = detail.Repetitions.Where(r => r.Minion == host.Minion).ToList();
            var repetitions = new List<object>();
            foreach (var r in attempts)
            {
                repetitions.Add(new
                {
                    warmup = r.Warmup,
                    index = r.Index,
                    attempt = r.Attempt,
                    jid = r.Jid,
                    containerId = r.ContainerId,
                    status = r.Status,
                    reason = r.Reason,
                    exitCode = r.ExitCode,
                    startedAt = r.StartedAt,
                    endedAt = r.EndedAt,
                    durationMs = r.EndedAt is { } ended ? Math.Round((ended - r.StartedAt).TotalMilliseconds) : (double?)null,
                    values = r.Values,
                    containerMetrics = r.ContainerId is { } id ? sampled.GetValueOrDefault(id) : null,
                });
            }

            hosts.Add(new
            {
                minion = host.Minion,
                status = host.Status,
                reason = host.Reason,
                grains = new { cpuModel = host.Grains.CpuModel, gpuModels = host.Grains.GpuModels, instanceType = host.Grains.InstanceType },
                warmupsDone = attempts.Count(r => r.Warmup && r.Status == BenchmarkStatus.Ok),
                repetitionsDone = attempts.Count(r => !r.Warmup && r.Status == BenchmarkStatus.Ok),
                repetitions,
                results = detail.Results.Where(r => r.Minion == host.Minion).Select(r => new
                {
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
                }),
            });
        }

        return new { run = Summary(detail.Run), definition = detail.Run.Definition, hosts };
    }

    public static object Comparison(BenchmarkComparison c, string by) => new
    {
        suite = c.Suite,
        metric = c.Metric,
        unit = c.Unit,
        higherIsBetter = c.HigherIsBetter,
        by,
        group = c.Group,
        runs = c.Runs,
        runIds = c.RunIds,
        minions = c.Minions,
        n = c.Stats.N,
        mean = c.Stats.Mean,
        stddev = c.Stats.StdDev,
        min = c.Stats.Min,
        max = c.Stats.Max,
        p50 = c.Stats.P50,
        p95 = c.Stats.P95,
        rsd = c.Stats.Rsd,
        ciLow = c.Interval?.Low,
        ciHigh = c.Interval?.High,
        tier = c.Tier,
    };
}
