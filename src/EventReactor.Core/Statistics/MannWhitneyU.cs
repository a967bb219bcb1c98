namespace EventReactor.Core.Statistics;

/// <summary>
/// The two-sided Mann–Whitney U test as SciPy's <c>mannwhitneyu</c> computes it with its defaults
/// (<c>method="auto"</c>, <c>use_continuity=True</c>): exact when either sample has at most 8 values and no value is
/// tied, otherwise the normal approximation with the tie-corrected variance and a continuity correction of 0.5.
/// </summary>
public static class MannWhitneyU
{
    private const int ExactLimit = 8;

    public static MannWhitneyResult Test(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count == 0 || y.Count == 0)
        {
            throw new ArgumentException("the test needs at least one value on each side");
        }

        var (ranks, tieTerm) = Rank([.. x, .. y]);
        var n1 = x.Count;
        var n2 = y.Count;
        var u1 = ranks.Take(n1).Sum() - (n1 * (n1 + 1) / 2.0);
        var larger = Math.Max(u1, ((double)n1 * n2) - u1);
        if ((n1 <= ExactLimit || n2 <= ExactLimit) && tieTerm == 0)
        {
            return new MannWhitneyResult(u1, Math.Min(1, 2 * ExactSurvival((int)Math.Round(larger), n1, n2)), MannWhitneyMethod.Exact);
        }

        var n = n1 + n2;
        var sigma = Math.Sqrt(n1 * (double)n2 / 12 * (n + 1 - (tieTerm / ((double)n * (n - 1)))));
        var p = sigma == 0 ? 1 : 2 * SpecialFunctions.NormalSurvival((larger - (n1 * (double)n2 / 2) - 0.5) / sigma);
        return new MannWhitneyResult(u1, Math.Clamp(p, 0, 1), MannWhitneyMethod.Asymptotic);
    }

    /// <summary>P(U ≥ u) under the null hypothesis, from the counts of arrangements per U.</summary>
    private static double ExactSurvival(int u, int n1, int n2)
    {
        var counts = Counts(Math.Min(n1, n2), Math.Max(n1, n2));

        // The distribution is symmetric: P(U ≥ u) = P(U ≤ mn - u).
        var total = counts.Sum();
        var below = 0.0;
        for (var k = 0; k <= (n1 * n2) - u; k++)
        {
            below += counts[k];
        }

        return below / total;
    }

    // The number of arrangements with U = k are the coefficients of the Gaussian binomial [m + n choose m] in q:
    // the product over i = 1..m of (1 - q^(n+i)) / (1 - q^i), every step an exact integer polynomial.
    private static double[] Counts(int m, int n)
    {
        var counts = new double[(m * n) + 1];
        counts[0] = 1;
        for (var i = 1; i <= m; i++)
        {
            for (var k = counts.Length - 1; k >= n + i; k--)
            {
                counts[k] -= counts[k - n - i];
            }

            for (var k = i; k < counts.Length; k++)
            {
                counts[k] += counts[k - i];
            }
        }

        return counts;
    }

    /// <summary>Average ranks (1-based) and the tie term Σ(t³ - t) over groups of equal values.</summary>
    private static (double[] Ranks, double TieTerm) Rank(double[] values)
    {
        var order = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Length];
        var tieTerm = 0.0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]])
            {
                end++;
            }

            var average = ((start + end) / 2.0) + 1;
            for (var i = start; i <= end; i++)
            {
                ranks[order[i]] = average;
            }

            double t = end - start + 1;
            tieTerm += (t * t * t) - t;
            start = end + 1;
        }

        return (ranks, tieTerm);
    }
}
