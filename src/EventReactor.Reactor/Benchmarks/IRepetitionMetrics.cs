namespace EventReactor.Reactor.Benchmarks;

/// <summary>
/// A summary of the metrics sampled from one repetition's container (CPU, memory peak, I/O), shown with the run. The
/// metrics sink provides it; until it is wired, <see cref="NoRepetitionMetrics"/> answers null.
/// </summary>
public interface IRepetitionMetrics
{
    Task<object?> SummariseAsync(string containerId, CancellationToken cancellationToken);
}
