namespace EventReactor.Reactor.Ui.Charts;

/// <summary>
/// The mean and its two-sided 95% confidence interval from Student's t: mean ± t(0.975, n−1)·s/√n. Kept on its own so that
/// the statistics of the benchmark engine can replace it.
/// </summary>
internal static class MeanConfidence
{
    // t(0.975, df) for df = 1..30.
    private static readonly double[] Quantiles =
    [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
        2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ];

    public static ConfidenceInterval Of(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("a confidence interval needs at least one value", nameof(values));
        }

        var mean = values.Average();
        var stdDev = values.Count < 2 ? 0 : Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
        return FromSummary(values.Count, mean, stdDev);
    }

    /// <summary>From a count, mean and sample standard deviation (n − 1 in the denominator).</summary>
    public static ConfidenceInterval FromSummary(int n, double mean, double stdDev)
    {
        if (n < 2)
        {
            return new ConfidenceInterval(n, mean, mean, mean);
        }

        var half = StudentT975(n - 1) * stdDev / Math.Sqrt(n);
        return new ConfidenceInterval(n, mean, mean - half, mean + half);
    }

    /// <summary>The 97.5th percentile of Student's t; past 30 degrees of freedom, the Cornish–Fisher expansion around the normal.</summary>
    public static double StudentT975(int degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degreesOfFreedom, 1);
        if (degreesOfFreedom <= Quantiles.Length)
        {
            return Quantiles[degreesOfFreedom - 1];
        }

        const double Z = 1.959964;
        double df = degreesOfFreedom;
        return Z + (((Z * Z * Z) + Z) / (4 * df)) + (((5 * Math.Pow(Z, 5)) + (16 * Z * Z * Z) + (3 * Z)) / (96 * df * df));
    }
}
