using EventReactor.Contracts.Api;
using EventReactor.Reactor.Benchmarks;

namespace EventReactor.Reactor.Metrics;

/// <summary>Benchmark repetitions' containers, as sampled into <c>metrics.db</c>; those with no stored sample are left out.</summary>
internal sealed class SampledRepetitionMetrics(ContainerMetricsQuery query) : IRepetitionMetrics
{
    public async Task<IReadOnlyDictionary<string, ContainerMetricsSummary>> SummariseAsync(IReadOnlyCollection<string> containerIds, CancellationToken cancellationToken) =>
        (await query.SummarizeAsync(containerIds, cancellationToken))
            .Where(s => s.Samples > 0)
            .ToDictionary(s => s.Container, s => s, StringComparer.Ordinal);
}
