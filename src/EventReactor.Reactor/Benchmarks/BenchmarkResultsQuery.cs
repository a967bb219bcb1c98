using EventReactor.Core.Benchmarks;

namespace EventReactor.Reactor.Benchmarks;

/// <summary>
/// Compares results across hardware: the measured values of finished hosts, grouped by suite, metric and the grain at
/// <c>by</c> (default: the minion), with statistics recomputed over the pooled values (an average of averages would
/// weigh a 3-repetition run like a 10-repetition one).
/// </summary>
internal sealed class BenchmarkResultsQuery(IBenchmarkStore store)
{
    public async Task<IReadOnlyList<BenchmarkComparison>> CompareAsync(string? suite, string? by, CancellationToken cancellationToken)
    {
        var measured = await store.ListMeasuredAsync(suite, cancellationToken);
        return measured
            .SelectMany(m => m.Values.Select(v => (m.Run, m.Suite, m.Minion, Group: by is null ? m.Minion : GrainPath.Text(m.Grains, by), Value: v)))
            .GroupBy(x => (x.Suite, x.Value.Metric, x.Group))
            .OrderBy(g => g.Key.Suite, StringComparer.Ordinal).ThenBy(g => g.Key.Metric, StringComparer.Ordinal).ThenBy(g => g.Key.Group, StringComparer.Ordinal)
            .Select(g =>
            {
                var last = g.Last().Value;
                var runs = g.Select(x => x.Run).Distinct(StringComparer.Ordinal).ToList();
                return new BenchmarkComparison(g.Key.Suite, g.Key.Metric, last.Unit, last.HigherIsBetter, g.Key.Group, runs.Count, runs,
                    g.Select(x => x.Minion).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
                    MetricStatistics.Of(g.Select(x => x.Value.Value).ToList()));
            })
            .ToList();
    }
}
