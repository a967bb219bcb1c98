using EventReactor.Core.Benchmarks;
using EventReactor.Core.Statistics;

namespace EventReactor.Reactor.Benchmarks;

/// <summary>
/// One row of <c>bench results</c>: a suite's metric over every measured repetition of the runs whose hosts share a
/// <see cref="Group"/> (the grain value at <c>by</c>, or the minion id), with how many runs and hosts it pools, the
/// mean's 95% interval, and its <see cref="Tier"/>: groups of one tier cannot be told apart (Mann–Whitney U, α 0.05).
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
    MetricStatistics Stats,
    ConfidenceInterval? Interval,
    int Tier);
