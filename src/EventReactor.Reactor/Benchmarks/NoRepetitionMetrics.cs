namespace EventReactor.Reactor.Benchmarks;

/// <summary>No metrics store: every repetition's <c>containerMetrics</c> is null.</summary>
internal sealed class NoRepetitionMetrics : IRepetitionMetrics
{
    public Task<object?> SummariseAsync(string containerId, CancellationToken cancellationToken) => Task.FromResult<object?>(null);
}
