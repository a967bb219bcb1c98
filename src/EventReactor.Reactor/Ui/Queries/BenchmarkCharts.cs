using EventReactor.Contracts.Api;
using EventReactor.Core.Benchmarks;
using EventReactor.Reactor.Benchmarks;
using EventReactor.Reactor.Ui.Charts;
using EventReactor.Reactor.Ui.Pages;

namespace EventReactor.Reactor.Ui.Queries;

/// <summary>Benchmark results as the pages plot them: repetitions as points with mean and interval, groups and runs as bars with whiskers.</summary>
internal static class BenchmarkCharts
{
    /// <summary>Per metric, one series per host with a point per measured repetition (x = its number), and the host's mean and 95% interval.</summary>
    public static IReadOnlyList<MetricPanel> Repetitions(BenchmarkRunDetail detail)
    {
        var measured = detail.Repetitions.Where(r => !r.Warmup && r.Status == BenchmarkStatus.Ok).ToList();
        return measured
            .SelectMany(r => r.Values.Select(v => (r.Minion, r.Index, Value: v)))
            .GroupBy(x => x.Value.Metric, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select((metric, m) =>
            {
                var first = metric.First().Value;
                var hosts = metric.GroupBy(x => x.Minion, StringComparer.Ordinal).OrderBy(h => h.Key, StringComparer.Ordinal).ToList();
                var length = hosts.Max(h => h.Count());
                var x = Enumerable.Range(1, length).Select(i => (double)i).ToList();
                var rows = new List<HostMetricRow>();
                var series = new List<ChartSeries>();
                foreach (var host in hosts)
                {
                    var values = host.OrderBy(v => v.Index).Select(v => v.Value.Value).ToList();
                    var interval = MeanConfidence.Of(values);
                    rows.Add(new HostMetricRow(host.Key, metric.Key, first.Unit, first.HigherIsBetter, interval));
                    series.Add(new ChartSeries(host.Key, x.Select((_, i) => i < values.Count ? (double?)values[i] : null).ToList()) { Interval = interval });
                }

                return new MetricPanel(metric.Key, first.Unit, new ChartSpec($"metric-{m}", ChartKind.Points, metric.Key, first.Unit, x, series), rows);
            })
            .ToList();
    }

    /// <summary>One metric's groups as bars with 95% interval whiskers.</summary>
    public static MetricPanel Groups(string id, string metric, IReadOnlyList<BenchmarkComparison> groups)
    {
        var rows = groups.Select(g => new HostMetricRow(g.Group, metric, g.Unit, g.HigherIsBetter, MeanConfidence.FromSummary(g.Stats.N, g.Stats.Mean, g.Stats.StdDev))).ToList();
        return Bars(id, metric, groups.FirstOrDefault()?.Unit ?? "", rows);
    }

    /// <summary>Two runs side by side: per metric, a bar per (run, host) with its interval.</summary>
    public static IReadOnlyList<MetricPanel> SideBySide(BenchmarkRunDetail a, BenchmarkRunDetail b)
    {
        var left = Repetitions(a).ToDictionary(p => p.Metric, StringComparer.Ordinal);
        var right = Repetitions(b).ToDictionary(p => p.Metric, StringComparer.Ordinal);
        return left.Keys.Union(right.Keys).Order(StringComparer.Ordinal).Select((metric, i) =>
        {
            var rows = Label("A", left.GetValueOrDefault(metric)).Concat(Label("B", right.GetValueOrDefault(metric))).ToList();
            return Bars($"side-{i}", metric, rows[0].Unit, rows);
        }).ToList();
    }

    private static IEnumerable<HostMetricRow> Label(string run, MetricPanel? panel) =>
        panel?.Rows.Select(r => r with { Label = $"{run} · {r.Label}" }) ?? [];

    private static MetricPanel Bars(string id, string metric, string unit, IReadOnlyList<HostMetricRow> rows)
    {
        var x = rows.Select((_, i) => (double)i).ToList();
        var series = new ChartSeries(metric, rows.Select(r => (double?)r.Interval.Mean).ToList())
        {
            Low = rows.Select(r => (double?)r.Interval.Low).ToList(),
            High = rows.Select(r => (double?)r.Interval.High).ToList(),
        };
        return new MetricPanel(metric, unit, new ChartSpec(id, ChartKind.Bars, metric, unit, x, [series]) { Categories = rows.Select(r => r.Label).ToList() }, rows);
    }
}
