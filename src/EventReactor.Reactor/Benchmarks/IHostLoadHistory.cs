namespace EventReactor.Reactor.Benchmarks;

/// <summary>The host metrics of a minion over a window, for calling a noisy host's noise by its name; the metric sinks provide it from <c>metrics.db</c>.</summary>
public interface IHostLoadHistory
{
    Task<HostLoad> SummariseAsync(string minion, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
