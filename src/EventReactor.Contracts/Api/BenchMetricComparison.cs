namespace EventReactor.Contracts.Api;

/// <summary>One metric of a <see cref="BenchComparisonResponse"/>.</summary>
/// <param name="Suite">The suite that measured it; two runs of different suites give <c>A-suite vs B-suite</c>.</param>
/// <param name="Metric">The metric's name.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="HigherIsBetter">Whether a higher value is better: it decides <paramref name="Verdict"/>.</param>
/// <param name="A">The first side's values.</param>
/// <param name="B">The second side's values.</param>
/// <param name="ChangePercent">The change of the mean from A to B in percent of A's mean; null when A's mean is 0.</param>
/// <param name="ChangeLow">The low end of the change's 95% bootstrap interval; null where there is none.</param>
/// <param name="ChangeHigh">The high end of that interval.</param>
/// <param name="ChangeMonteCarloError">How far (percentage points, 95%) each end may be from the one of endless resamples.</param>
/// <param name="U">Mann–Whitney U of side A.</param>
/// <param name="PValue">The two-sided p-value.</param>
/// <param name="Method"><c>exact</c> or <c>asymptotic</c> (normal approximation with tie and continuity correction).</param>
/// <param name="Verdict"><c>same</c> (p ≥ alpha, printed <c>~</c>), <c>faster</c> or <c>slower</c>.</param>
/// <param name="Warnings">Too few values, outliers, cold first repetitions: reasons to trust the verdict less.</param>
public sealed record BenchMetricComparison(
    string Suite,
    string Metric,
    string Unit,
    bool HigherIsBetter,
    BenchComparedSide A,
    BenchComparedSide B,
    double? ChangePercent,
    double? ChangeLow,
    double? ChangeHigh,
    double? ChangeMonteCarloError,
    double U,
    double PValue,
    string Method,
    string Verdict,
    IReadOnlyList<string> Warnings);
