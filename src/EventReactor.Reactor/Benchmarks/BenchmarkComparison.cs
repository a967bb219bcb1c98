using EventReactor.Core.Benchmarks;

namespace EventReactor.Reactor.Benchmarks;

/// <summary>
/// One row of <c>bench results</c>: a suite's metric over every measured repetition of the runs whose hosts share a
/// <see cref="Group"/> (the grain value at <c>by</c>, or the minion id), with how many runs and hosts it pools.
/// </summary>
public sealed record BenchmarkComparison(
    string Suite,
    string Metric,
    string Unit,
    bool HigherIsBetter,
    string Group,
    int Runs,
    IReadOnlyList<string> RunIds,
    IReadOnlyList<string> Minions,
    MetricStatistics Stats);
