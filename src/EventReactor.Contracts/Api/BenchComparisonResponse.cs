namespace EventReactor.Contracts.Api;

/// <summary>
/// <c>GET /api/bench/compare</c>: two sides (runs, or groups of hosts by a grain value) compared metric by metric.
/// </summary>
/// <param name="A">The first side as asked: a run id, or a grain value when <paramref name="By"/> is set.</param>
/// <param name="B">The second side; changes are from A to B.</param>
/// <param name="By">The grain path the sides are values of, or null when they are runs.</param>
/// <param name="Test">The test behind each p-value, in words.</param>
/// <param name="ChangeInterval">How each change's interval is computed, in words.</param>
/// <param name="Alpha">The significance level: a change with p ≥ alpha is reported as <c>same</c> (<c>~</c>).</param>
/// <param name="Metrics">One entry per suite and metric that both sides measured.</param>
public sealed record BenchComparisonResponse(
    string A,
    string B,
    string? By,
    string Test,
    string ChangeInterval,
    double Alpha,
    IReadOnlyList<BenchMetricComparison> Metrics);
