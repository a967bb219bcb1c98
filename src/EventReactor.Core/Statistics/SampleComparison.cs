namespace EventReactor.Core.Statistics;

/// <summary>
/// Two samples of one metric compared as benchstat does: each side's mean with its 95% Student-t interval, the
/// change of the mean in percent with a 95% percentile-bootstrap interval, and a two-sided Mann–Whitney U test;
/// the change counts only when p &lt; <see cref="Alpha"/>, and then says whether it is faster or slower.
/// </summary>
public sealed record SampleComparison(
    SampleSummary Before,
    SampleSummary After,
    double? ChangePercent,
    BootstrapInterval? ChangeInterval,
    MannWhitneyResult Test,
    ChangeVerdict Verdict,
    IReadOnlyList<string> Warnings)
{
    public const double Alpha = 0.05;

    /// <summary>Fewer values than this on a side give a warning: the test can then hardly tell anything apart.</summary>
    public const int MinimumConfidentN = 5;

    public static SampleComparison Of(IReadOnlyList<double> before, IReadOnlyList<double> after, bool higherIsBetter, string beforeName = "A", string afterName = "B")
    {
        var test = MannWhitneyU.Test(before, after);
        var change = Bootstrap.ChangePercent(before, after);
        var verdict = test.PValue >= Alpha || change is null or 0
            ? ChangeVerdict.Same
            : (change > 0) == higherIsBetter ? ChangeVerdict.Faster : ChangeVerdict.Slower;
        var beforeSummary = SampleSummary.Of(before, higherIsBetter);
        var afterSummary = SampleSummary.Of(after, higherIsBetter);
        var warnings = WarningsOf(beforeName, beforeSummary).Concat(WarningsOf(afterName, afterSummary)).ToList();
        return new SampleComparison(beforeSummary, afterSummary, change, Bootstrap.ChangePercentInterval(before, after), test, verdict, warnings);
    }

    private static IEnumerable<string> WarningsOf(string name, SampleSummary side)
    {
        if (side.N < MinimumConfidentN)
        {
            yield return $"{name} has {side.N} values; with fewer than {MinimumConfidentN} a real difference is rarely significant";
        }

        if (side.Outliers.Count > 0)
        {
            yield return $"{name} has {side.Outliers.Count} of {side.N} values outside the MAD rule (modified z-score over {MadOutliers.Threshold})";
        }

        if (side.ColdFirst)
        {
            yield return $"{name}'s first repetition is much worse than the rest (a cold start?); consider a warm-up";
        }
    }
}
