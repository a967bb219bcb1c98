using EventReactor.Reactor.Benchmarks;

namespace EventReactor.Reactor.Ui.Pages;

public sealed record BenchRunModel(BenchmarkRun Run, IReadOnlyList<BenchmarkHost> Hosts, IReadOnlyList<MetricPanel> Metrics, IReadOnlyList<RepetitionPanel> Repetitions);
