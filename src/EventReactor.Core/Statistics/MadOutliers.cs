namespace EventReactor.Core.Statistics;

/// <summary>
/// Outliers by the median absolute deviation (Iglewicz and Hoaglin's modified z-score): a value is an outlier when
/// |x - median| / (1.4826 · MAD) exceeds 3.5. The factor makes the MAD estimate σ for normal data (SciPy's
/// <c>median_abs_deviation(scale="normal")</c>).
/// </summary>
public static class MadOutliers
{
    public const double Threshold = 3.5;

    /// <summary>1 / Φ⁻¹(3/4).</summary>
    public const double NormalScale = 1.482602218505602;

    /// <summary>The scaled MAD: 1.4826 · median(|x - median(x)|).</summary>
    public static double ScaledMad(IReadOnlyCollection<double> values)
    {
        var median = Quantiles.Median(values);
        return NormalScale * Quantiles.Median(values.Select(v => Math.Abs(v - median)));
    }

    /// <summary>Per value, whether it is an outlier among <paramref name="values"/>; none when the MAD is 0 (most values equal).</summary>
    public static bool[] Flag(IReadOnlyList<double> values)
    {
        if (values.Count < 3)
        {
            return new bool[values.Count];
        }

        var median = Quantiles.Median(values);
        var mad = ScaledMad(values);
        return values.Select(v => mad > 0 && Math.Abs(v - median) / mad > Threshold).ToArray();
    }

    /// <summary>
    /// Whether the first value is a cold start: worse (by <paramref name="higherIsBetter"/>) than the rest, and an
    /// outlier against the rest alone, so that it did not inflate the scale it is judged by.
    /// </summary>
    public static bool ColdFirst(IReadOnlyList<double> values, bool higherIsBetter)
    {
        if (values.Count < 4)
        {
            return false;
        }

        var rest = values.Skip(1).ToList();
        var median = Quantiles.Median(rest);
        var worse = higherIsBetter ? median - values[0] : values[0] - median;
        var mad = ScaledMad(rest);
        return worse > 0 && (mad == 0 ? worse > 0.1 * Math.Abs(median) : worse / mad > Threshold);
    }
}
