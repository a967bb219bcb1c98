using EventReactor.Reactor.Benchmarks;

namespace EventReactor.Reactor.Metrics;

/// <summary>A minion's host samples over a window: the mean of their 1-minute load, and the busy share between the first and the last.</summary>
internal sealed class SampledHostLoad(ContainerMetricsQuery query) : IHostLoadHistory
{
    private const int MaxSamples = 10_000;

    public async Task<HostLoad> SummariseAsync(string minion, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var samples = (await query.HostSamplesAsync(minion, from, MaxSamples, cancellationToken)).Where(s => s.Time <= to).ToList();
        if (samples.Count == 0)
        {
            return new HostLoad(null, null);
        }

        var total = samples[^1].CpuTotalTicks - samples[0].CpuTotalTicks;
        var idle = samples[^1].CpuIdleTicks - samples[0].CpuIdleTicks;
        return new HostLoad(samples.Average(s => s.Load1), total > 0 ? (1 - ((double)idle / total)) * 100 : null);
    }
}
