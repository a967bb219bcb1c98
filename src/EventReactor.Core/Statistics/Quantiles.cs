namespace EventReactor.Core.Statistics;

/// <summary>Order statistics of sorted values: linear interpolation between closest ranks (numpy's default).</summary>
public static class Quantiles
{
    public static double Linear(IReadOnlyList<double> sorted, double fraction)
    {
        var rank = fraction * (sorted.Count - 1);
        var below = (int)Math.Floor(rank);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + ((rank - below) * (sorted[above] - sorted[below]));
    }

    public static double Median(IEnumerable<double> values) => Linear(values.Order().ToArray(), 0.5);
}
