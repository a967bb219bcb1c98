namespace EventReactor.Core.Statistics;

/// <summary>
/// One side of a comparison: n, mean with its Student-t interval, median, the indexes (0-based, in measured order) of
/// the values that are MAD outliers, and whether the first value is a cold start.
/// </summary>
public sealed record SampleSummary(int N, double Mean, double Median, ConfidenceInterval? Interval, IReadOnlyList<int> Outliers, bool ColdFirst)
{
    public static SampleSummary Of(IReadOnlyList<double> values, bool higherIsBetter, double level = 0.95)
    {
        var flags = MadOutliers.Flag(values);
        return new SampleSummary(
            values.Count,
            values.Average(),
            Quantiles.Median(values),
            MeanInterval.Of([.. values], level),
            Enumerable.Range(0, values.Count).Where(i => flags[i]).ToList(),
            MadOutliers.ColdFirst(values, higherIsBetter));
    }
}
