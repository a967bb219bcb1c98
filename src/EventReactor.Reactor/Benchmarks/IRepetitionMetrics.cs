using EventReactor.Contracts.Api;

namespace EventReactor.Reactor.Benchmarks;

/// <summary>
/// A summary of the metrics sampled from repetitions' containers (CPU, memory peak, I/O), shown with the run. The
/// metric sinks provide it from <c>metrics.db</c>; a container with no stored sample has no entry.
/// </summary>
public interface IRepetitionMetrics
{
    Task<IReadOnlyDictionary<string, ContainerMetricsSummary>> SummariseAsync(IReadOnlyCollection<string> containerIds, CancellationToken cancellationToken);
}
