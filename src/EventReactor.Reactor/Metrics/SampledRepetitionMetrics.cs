using EventReactor.Reactor.Benchmarks;

namespace EventReactor.Reactor.Metrics;

/// <summary>A benchmark repetition's container, as sampled into <c>metrics.db</c>; null when no sample of it was stored.</summary>
internal sealed class SampledRepetitionMetrics(ContainerMetricsQuery query) : IRepetitionMetrics
{
    public async Task<object?> SummariseAsync(string containerId, CancellationToken cancellationToken)
    {
        var summary = (await query.SummarizeAsync([containerId], cancellationToken))[0];
        return summary.Samples == 0 ? null : summary;
    }
}
