using EventReactor.Core.Statistics;

namespace EventReactor.Core.Benchmarks;

/// <summary>
/// The summary of one metric's measured values: sample standard deviation (n - 1), percentiles by linear interpolation
/// between closest ranks (numpy's default), and the relative standard deviation in percent of the mean.
/// </summary>
public sealed record MetricStatistics(int N, double Mean, double StdDev, double Min, double Max, double P50, double P95, double Rsd)
{
    public static MetricStatistics Of(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("statistics need at least one value", nameof(values));
        }

        var sorted = values.Order().ToArray();
        var mean = sorted.Average();
        var stdDev = sorted.Length < 2 ? 0 : Math.Sqrt(sorted.Sum(v => (v - mean) * (v - mean)) / (sorted.Length - 1));
        return new MetricStatistics(sorted.Length, mean, stdDev, sorted[0], sorted[^1], Quantiles.Linear(sorted, 0.50), Quantiles.Linear(sorted, 0.95), RelativeStdDev(mean, stdDev));
    }

    // A spread around a zero mean has no relative size; it is reported as 100% so that it never counts as converged.
    private static double RelativeStdDev(double mean, double stdDev) =>
        stdDev == 0 ? 0 : mean == 0 ? 100 : stdDev / Math.Abs(mean) * 100;
}
