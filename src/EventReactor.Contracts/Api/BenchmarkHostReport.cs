using EventReactor.Contracts.Benchmarks;

namespace EventReactor.Contracts.Api;

/// <summary>One minion's part in a run, in <see cref="BenchmarkRunReport"/>.</summary>
/// <param name="Minion">The minion.</param>
/// <param name="Status">Where its part stands.</param>
/// <param name="Reason">Why it failed.</param>
/// <param name="Grains">Its hardware when the run started.</param>
/// <param name="WarmupsDone">Warm-ups that succeeded.</param>
/// <param name="RepetitionsDone">Counted repetitions that succeeded.</param>
/// <param name="Repetitions">Every attempt, in order, failed ones included.</param>
/// <param name="Results">The statistics per metric, once its part is done.</param>
public sealed record BenchmarkHostReport(
    string Minion,
    BenchmarkStatus Status,
    string? Reason,
    BenchmarkHostGrains Grains,
    int WarmupsDone,
    int RepetitionsDone,
    IReadOnlyList<BenchmarkAttempt> Repetitions,
    IReadOnlyList<BenchmarkMetricResult> Results);
