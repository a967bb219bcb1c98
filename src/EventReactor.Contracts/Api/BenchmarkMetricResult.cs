namespace EventReactor.Contracts.Api;

/// <summary>One metric's statistics on one host, in <see cref="BenchmarkHostReport"/>.</summary>
/// <param name="Metric">The metric's name.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="HigherIsBetter">Whether more is better.</param>
/// <param name="N">How many values.</param>
/// <param name="Mean">Their mean.</param>
/// <param name="Stddev">Their sample standard deviation.</param>
/// <param name="Min">The smallest.</param>
/// <param name="Max">The largest.</param>
/// <param name="P50">The median.</param>
/// <param name="P95">The 95th percentile.</param>
/// <param name="Rsd">The relative standard deviation, in percent.</param>
public sealed record BenchmarkMetricResult(
    string Metric,
    string Unit,
    bool HigherIsBetter,
    int N,
    double Mean,
    double Stddev,
    double Min,
    double Max,
    double P50,
    double P95,
    double Rsd) : IMetricStatistics;
