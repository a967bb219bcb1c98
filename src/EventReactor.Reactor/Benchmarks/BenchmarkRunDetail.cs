namespace EventReactor.Reactor.Benchmarks;

/// <summary>A run with its hosts, every repetition attempt, and the results of the hosts that finished.</summary>
public sealed record BenchmarkRunDetail(BenchmarkRun Run, IReadOnlyList<BenchmarkHost> Hosts, IReadOnlyList<BenchmarkRepetition> Repetitions, IReadOnlyList<HostMetricResult> Results);
