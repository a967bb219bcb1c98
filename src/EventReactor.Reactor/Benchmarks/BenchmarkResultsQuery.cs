using System.Collections.Concurrent;
using EventReactor.Core.Benchmarks;
using EventReactor.Core.Statistics;

namespace EventReactor.Reactor.Benchmarks;

/// <summary>
/// Compares results across hardware: the measured values of finished hosts, grouped by suite, metric and the grain at
/// <c>by</c> (default: the minion), with statistics recomputed over the pooled values (an average of averages would
/// weigh a 3-repetition run like a 10-repetition one). Within a suite and metric, groups come best first, in tiers of
/// ones that cannot be told apart.
/// </summary>
internal sealed class BenchmarkResultsQuery(IBenchmarkStore store)
{
    // Suites and grain paths come from requests: past this many kept answers the cache starts again rather than grow.
    private const int MaxCached = 64;

    // Pooling and ranking 10,000 values took most of a compare page's time, and the answer only changes with the measured
    // values, which the store's version follows: the page asks the same suite and grain path on every load.
    private readonly ConcurrentDictionary<(string? Suite, string? By), (long Version, IReadOnlyList<BenchmarkComparison> Comparisons)> _cached = new();

    public async Task<IReadOnlyList<BenchmarkComparison>> CompareAsync(string? suite, string? by, CancellationToken cancellationToken)
    {
        // Read before the values: a write that ends meanwhile leaves the answer kept under an older version, never served.
        var version = store.MeasuredVersion;
        if (_cached.TryGetValue((suite, by), out var kept) && kept.Version == version)
        {
            return kept.Comparisons;
        }

        var comparisons = await ComputeAsync(suite, by, cancellationToken);
        if (_cached.Count >= MaxCached)
        {
            _cached.Clear();
        }

        _cached[(suite, by)] = (version, comparisons);
        return comparisons;
    }

    private async Task<IReadOnlyList<BenchmarkComparison>> ComputeAsync(string? suite, string? by, CancellationToken cancellationToken)
    {
        var measured = await store.ListMeasuredAsync(suite, cancellationToken);
        // A host's grains are the same on each of its repetitions: its group is read from them once, not per repetition.
        var hostGroups = new Dictionary<(string Run, string Minion), string>();
        string GroupOf(MeasuredValues m) => by is null ? m.Minion
            : hostGroups.TryGetValue((m.Run, m.Minion), out var group) ? group
            : hostGroups[(m.Run, m.Minion)] = GrainPath.Text(m.Grains, by);
        return measured
            .SelectMany(m => m.Values.Select(v => (m.Run, m.Suite, m.Minion, Group: GroupOf(m), Value: v)))
            .GroupBy(x => (x.Suite, x.Value.Metric))
            .OrderBy(g => g.Key.Suite, StringComparer.Ordinal).ThenBy(g => g.Key.Metric, StringComparer.Ordinal)
            .SelectMany(metric =>
            {
                var higherIsBetter = metric.Last().Value.HigherIsBetter;
                var groups = metric.GroupBy(x => x.Group)
                    .Select(g => (Rows: g.ToList(), Values: g.Select(x => x.Value.Value).ToList()))
                    .OrderBy(g => higherIsBetter ? -g.Values.Average() : g.Values.Average()).ThenBy(g => g.Rows[0].Group, StringComparer.Ordinal)
                    .ToList();
                var tiers = IndistinguishableTiers.Assign([.. groups.Select(g => (IReadOnlyList<double>)g.Values)]);
                return groups.Select((g, i) =>
                {
                    var last = g.Rows[^1].Value;
                    var runs = g.Rows.Select(x => x.Run).Distinct(StringComparer.Ordinal).ToList();
                    return new BenchmarkComparison(metric.Key.Suite, metric.Key.Metric, last.Unit, last.HigherIsBetter, g.Rows[0].Group, runs.Count, runs,
                        g.Rows.Select(x => x.Minion).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
                        MetricStatistics.Of(g.Values), MeanInterval.Of(g.Values), tiers[i]);
                });
            })
            .ToList();
    }
}
