using EventReactor.Core.Benchmarks;

namespace EventReactor.Reactor.Benchmarks;

/// <summary>The statistics of one metric over one host's measured repetitions in a run.</summary>
public sealed record HostMetricResult(string Run, string Minion, string Metric, string Unit, bool HigherIsBetter, MetricStatistics Stats);
