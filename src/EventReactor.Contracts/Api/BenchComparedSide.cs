namespace EventReactor.Contracts.Api;

/// <summary>One side of a <see cref="BenchMetricComparison"/>: the measured repetitions it pools.</summary>
/// <param name="N">How many values.</param>
/// <param name="Mean">Their mean.</param>
/// <param name="Median">Their median.</param>
/// <param name="Low">The low end of the mean's 95% Student-t interval; null for fewer than two values.</param>
/// <param name="High">The high end of that interval.</param>
/// <param name="Runs">The runs the values come from.</param>
/// <param name="Minions">The hosts they come from.</param>
/// <param name="Outliers">The values that are outliers by the median-absolute-deviation rule (modified z-score over 3.5).</param>
/// <param name="ColdStarts">Runs whose first measured repetition on a host was much worse than its others.</param>
public sealed record BenchComparedSide(
    int N,
    double Mean,
    double Median,
    double? Low,
    double? High,
    IReadOnlyList<string> Runs,
    IReadOnlyList<string> Minions,
    IReadOnlyList<double> Outliers,
    IReadOnlyList<string> ColdStarts);
