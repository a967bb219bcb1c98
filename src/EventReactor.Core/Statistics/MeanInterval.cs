namespace EventReactor.Core.Statistics;

/// <summary>The confidence interval of a mean from Student's t: mean ± t(1 - α/2, n - 1) · s / √n.</summary>
public static class MeanInterval
{
    /// <summary>Null for fewer than two values: one value says nothing about its spread.</summary>
    public static ConfidenceInterval? Of(IReadOnlyCollection<double> values, double level = 0.95)
    {
        if (values.Count < 2)
        {
            return null;
        }

        var mean = values.Average();
        var stdDev = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
        var half = StudentT.Quantile(1 - ((1 - level) / 2), values.Count - 1) * stdDev / Math.Sqrt(values.Count);
        return new ConfidenceInterval(mean - half, mean + half, level);
    }
}
