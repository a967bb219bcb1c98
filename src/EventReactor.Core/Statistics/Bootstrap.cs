namespace EventReactor.Core.Statistics;

/// <summary>
/// Percentile bootstrap intervals of the change between two independent samples, each resampled with replacement
/// on its own (SciPy's <c>bootstrap</c> with <c>paired=False, method="percentile"</c>), from a seeded generator so
/// that the same values always give the same interval.
/// </summary>
public static class Bootstrap
{
    public const int DefaultResamples = 10_000;
    public const int DefaultSeed = 20_261_129;

    private const double RankZ = 1.959963984540054;

    /// <summary>The change of the mean from <paramref name="before"/> to <paramref name="after"/> in percent of the first mean; null when that mean is 0.</summary>
    public static double? ChangePercent(IReadOnlyList<double> before, IReadOnlyList<double> after)
    {
        var baseline = before.Average();
        return baseline == 0 ? null : ((after.Average() / baseline) - 1) * 100;
    }

    /// <summary>The interval of <see cref="ChangePercent"/>; null when a resample's first mean can be 0.</summary>
    public static BootstrapInterval? ChangePercentInterval(IReadOnlyList<double> before, IReadOnlyList<double> after, double level = 0.95, int resamples = DefaultResamples, int seed = DefaultSeed)
    {
        if (before.Count == 0 || after.Count == 0 || before.Any(v => v == 0))
        {
            return null;
        }

        // A fixed seed makes the interval a function of the values: the same runs compare the same way every time.
        var random = new Random(seed);
        var changes = new double[resamples];
        for (var b = 0; b < resamples; b++)
        {
            var baseline = ResampledMean(before, random);
            if (baseline == 0)
            {
                return null;
            }

            changes[b] = ((ResampledMean(after, random) / baseline) - 1) * 100;
        }

        Array.Sort(changes);
        var alpha = 1 - level;
        var interval = new ConfidenceInterval(Quantiles.Linear(changes, alpha / 2), Quantiles.Linear(changes, 1 - (alpha / 2)), level);
        var error = Math.Max(EndError(changes, alpha / 2), EndError(changes, 1 - (alpha / 2)));
        return new BootstrapInterval(interval, error, resamples, seed);
    }

    private static double ResampledMean(IReadOnlyList<double> values, Random random)
    {
        var sum = 0.0;
        for (var i = 0; i < values.Count; i++)
        {
            sum += values[random.Next(values.Count)];
        }

        return sum / values.Count;
    }

    // The rank of the p-quantile among B draws spreads binomially, √(B p (1 - p)); the values at ±1.96 of that spread
    // bound where the end would lie with endless resamples.
    private static double EndError(double[] sorted, double fraction)
    {
        var count = sorted.Length;
        var spread = RankZ * Math.Sqrt(count * fraction * (1 - fraction)) / (count - 1);
        var low = Quantiles.Linear(sorted, Math.Max(0, fraction - spread));
        var high = Quantiles.Linear(sorted, Math.Min(1, fraction + spread));
        return (high - low) / 2;
    }
}
