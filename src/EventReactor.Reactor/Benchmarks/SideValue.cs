using EventReactor.Core.Benchmarks;

namespace EventReactor.Reactor.Benchmarks;

/// <summary>One measured value on a side of a comparison, with the run and host it came from.</summary>
internal sealed record SideValue(string Run, string Suite, string Minion, MetricValue Value);
