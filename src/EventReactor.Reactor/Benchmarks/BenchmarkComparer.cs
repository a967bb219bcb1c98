using EventReactor.Contracts.Api;
using EventReactor.Core.Benchmarks;
using EventReactor.Core.Statistics;

namespace EventReactor.Reactor.Benchmarks;

/// <summary>
/// <c>bench compare</c>: two sides, each a run or (with a grain path) the hosts whose grain has a value, compared per
/// suite and metric over their measured repetitions with <see cref="SampleComparison"/>.
/// </summary>
internal sealed class BenchmarkComparer(IBenchmarkStore store)
{
    public const string TestDescription = "Mann-Whitney U, two-sided (exact when a side has at most 8 values and none are tied, else normal approximation with tie and continuity correction, as SciPy's mannwhitneyu)";

    public static readonly string IntervalDescription =
        $"change of the mean, 95% percentile bootstrap ({Bootstrap.DefaultResamples} resamples of each side, seed {Bootstrap.DefaultSeed}); means with 95% Student-t intervals";

    public async Task<BenchComparisonResponse> CompareAsync(string a, string b, string? by, string? suite, string? metric, CancellationToken cancellationToken)
    {
        var measured = await store.ListMeasuredAsync(suite, cancellationToken);
        var sideA = Values(measured, a, by);
        var sideB = Values(measured, b, by);
        // Two runs may be of different suites (one benchmark with other limits): then their metrics pair by name.
        Func<SideValue, (string Suite, string Metric)> key = by is null ? v => (string.Empty, v.Value.Metric) : v => (v.Suite, v.Value.Metric);
        var metrics = sideA.Select(key).Intersect(sideB.Select(key))
            .Where(k => metric is null || k.Metric == metric)
            .Order()
            .Select(k => Compare(k.Metric, [.. sideA.Where(v => key(v) == k)], [.. sideB.Where(v => key(v) == k)]))
            .ToList();
        if (metrics.Count == 0)
        {
            throw new BenchmarkRequestException($"'{a}' and '{b}' have no metric in common{(metric is null ? string.Empty : $" named '{metric}'")}");
        }

        return new BenchComparisonResponse(a, b, by, TestDescription, IntervalDescription, SampleComparison.Alpha, metrics);
    }

    /// <summary>The runs whose first measured repetition of the metric on a host was a cold start.</summary>
    private static List<string> ColdStarts(IEnumerable<SideValue> values, bool higherIsBetter) =>
        values.GroupBy(v => (v.Run, v.Minion))
            .Where(series => MadOutliers.ColdFirst([.. series.Select(v => v.Value.Value)], higherIsBetter))
            .Select(series => series.Key.Run)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private static List<SideValue> Values(IReadOnlyList<MeasuredValues> measured, string side, string? by)
    {
        var values = measured
            .Where(m => by is null ? m.Run == side : GrainPath.Text(m.Grains, by) == side)
            .SelectMany(m => m.Values.Select(v => new SideValue(m.Run, m.Suite, m.Minion, v)))
            .ToList();
        return values.Count > 0
            ? values
            : throw new BenchmarkRequestException(by is null
                ? $"run '{side}' has no measured values (unknown, failed on every host, or still running)"
                : $"no finished host has '{side}' at grain '{by}'");
    }

    private static BenchMetricComparison Compare(string metric, List<SideValue> a, List<SideValue> b)
    {
        var last = b[^1].Value;
        var suites = a.Concat(b).Select(v => v.Suite).Distinct(StringComparer.Ordinal).ToList();
        var suite = string.Join(" vs ", suites);
        var comparison = SampleComparison.Of([.. a.Select(v => v.Value.Value)], [.. b.Select(v => v.Value.Value)], last.HigherIsBetter);
        return new BenchMetricComparison(
            suite,
            metric,
            last.Unit,
            last.HigherIsBetter,
            Side(a, comparison.Before, last.HigherIsBetter),
            Side(b, comparison.After, last.HigherIsBetter),
            comparison.ChangePercent,
            comparison.ChangeInterval?.Interval.Low,
            comparison.ChangeInterval?.Interval.High,
            comparison.ChangeInterval?.MonteCarloError,
            comparison.Test.U,
            comparison.Test.PValue,
            comparison.Test.Method.ToString().ToLowerInvariant(),
            comparison.Verdict.ToString().ToLowerInvariant(),
            comparison.Warnings);
    }

    private static BenchComparedSide Side(List<SideValue> values, SampleSummary summary, bool higherIsBetter) => new(
        summary.N,
        summary.Mean,
        summary.Median,
        summary.Interval?.Low,
        summary.Interval?.High,
        [.. values.Select(v => v.Run).Distinct(StringComparer.Ordinal)],
        [.. values.Select(v => v.Minion).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
        [.. summary.Outliers.Select(i => values[i].Value.Value)],
        ColdStarts(values, higherIsBetter));
}
