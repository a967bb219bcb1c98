namespace EventReactor.Contracts.Api;

/// <summary>One row of <c>GET /api/bench/results</c>: a suite's metric over every run of one group of hosts.</summary>
/// <param name="Suite">The suite.</param>
/// <param name="Metric">The metric's name.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="HigherIsBetter">Whether more is better.</param>
/// <param name="By">What hosts are grouped by: <c>minion</c>, or a grain path such as <c>cpu.model</c>.</param>
/// <param name="Group">The group's value.</param>
/// <param name="Runs">How many runs contributed.</param>
/// <param name="RunIds">Their ids.</param>
/// <param name="Minions">The minions in the group.</param>
/// <param name="N">How many values.</param>
/// <param name="Mean">Their mean.</param>
/// <param name="Stddev">Their sample standard deviation.</param>
/// <param name="Min">The smallest.</param>
/// <param name="Max">The largest.</param>
/// <param name="P50">The median.</param>
/// <param name="P95">The 95th percentile.</param>
/// <param name="Rsd">The relative standard deviation, in percent.</param>
/// <param name="CiLow">The low end of the mean's 95% interval (Student t), when there are at least two values.</param>
/// <param name="CiHigh">Its high end.</param>
/// <param name="Tier">The group's tier among the groups of its suite and metric, best first: groups of one tier cannot
/// be told apart (Mann–Whitney U, α 0.05).</param>
public sealed record BenchmarkComparisonRow(
    string Suite,
    string Metric,
    string Unit,
    bool HigherIsBetter,
    string By,
    string Group,
    int Runs,
    IReadOnlyList<string> RunIds,
    IReadOnlyList<string> Minions,
    int N,
    double Mean,
    double Stddev,
    double Min,
    double Max,
    double P50,
    double P95,
    double Rsd,
    double? CiLow,
    double? CiHigh,
    int Tier) : IMetricStatistics;
