using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using EventReactor.Contracts.Api;
using EventReactor.Core.Benchmarks;

namespace EventReactor.Cli.Commands;

/// <summary>The report as one HTML document: inline style and SVG, no scripts, nothing fetched from elsewhere.</summary>
internal static class BenchReportHtml
{
    private const string Style = """
        body { font: 14px/1.4 system-ui, sans-serif; margin: 2em; color: #222; }
        table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
        th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: left; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; }
        .faster { color: #1a7f37; } .slower { color: #c62828; } .warn { color: #9a6700; }
        svg .label, svg .axis { font-size: 11px; fill: #444; } svg .grid { stroke: #eee; }
        svg .ci { fill: #90caf9; opacity: 0.6; } svg .value { fill: #1565c0; } svg .outlier { fill: #c62828; }
        svg .mean { stroke: #0d47a1; stroke-width: 2; }
        """;

    public static string Write(IReadOnlyList<BenchmarkRunReport> details, IReadOnlyList<BenchComparisonResponse> comparisons, DateTimeOffset generated)
    {
        var series = details.SelectMany(BenchReportSeries.From).ToList();
        var html = new StringBuilder();
        html.Append($"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Benchmark report</title><style>{Style}</style></head><body>");
        html.Append(CultureInfo.InvariantCulture, $"<h1>Benchmark report</h1><p>Generated {E(generated.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture))} by eventreactor bench report.</p>");
        Runs(html, details);
        Systems(html, details);
        Results(html, series);
        foreach (var metric in series.GroupBy(s => (s.Suite, s.Metric)))
        {
            html.Append(CultureInfo.InvariantCulture, $"<h3>{E(metric.Key.Suite)}: {E(metric.Key.Metric)}</h3>").Append(BenchReportPlot.Svg([.. metric]));
        }

        html.Append("<p>Dots are repetitions (red: outliers by the MAD rule), the bar the mean, the band its 95% Student-t interval.</p>");
        foreach (var comparison in comparisons)
        {
            Comparison(html, comparison);
        }

        return html.Append("</body></html>").ToString();
    }

    private static void Runs(StringBuilder html, IReadOnlyList<BenchmarkRunReport> details)
    {
        html.Append("<h2>Runs</h2>");
        Table(html, ["Run", "Suite", "Status", "Created", "Repetitions", "Hosts"], details.Select(d => (IReadOnlyList<string>)
        [
            d.Run.Id,
            d.Run.Suite,
            d.Run.Status.ToWire() + (d.Run.Reason is { } reason ? $": {reason}" : string.Empty),
            BenchFormat.Time(d.Run.CreatedAt),
            BenchFormat.Repetitions(d.Run.Policy),
            string.Join(", ", d.Run.Minions),
        ]));
    }

    private static void Systems(StringBuilder html, IReadOnlyList<BenchmarkRunReport> details)
    {
        html.Append("<h2>Systems</h2>");
        var hosts = details.SelectMany(d => d.Hosts).Select(h => (IReadOnlyList<string>)
        [
            h.Minion,
            BenchFormat.Text(h.Grains.CpuModel),
            h.Grains.GpuModels.Count > 0 ? string.Join(", ", h.Grains.GpuModels) : "-",
            BenchFormat.Text(h.Grains.InstanceType),
        ]).DistinctBy(row => string.Join('\u0001', row));
        Table(html, ["Host", "CPU", "GPUs", "Instance type"], hosts);
    }

    private static void Results(StringBuilder html, IReadOnlyList<BenchReportSeries> series)
    {
        html.Append("<h2>Results</h2>");
        Table(html, ["Run", "Host", "Metric", "Unit", "N", "Mean", "95% CI", "RSD", "Min", "Max", "Notes"], series.Select(s =>
        {
            var stats = MetricStatistics.Of([.. s.Values]);
            var notes = new List<string>();
            var outliers = s.Outliers.Select((flag, i) => (flag, i)).Where(x => x.flag).Select(x => x.i + 1).ToList();
            if (outliers.Count > 0)
            {
                notes.Add($"outliers (MAD): repetition {string.Join(", ", outliers)}");
            }

            if (s.ColdFirst)
            {
                notes.Add("first repetition much worse (cold start?)");
            }

            return (IReadOnlyList<string>)
            [
                s.Run, s.Minion, s.Metric, s.Unit, stats.N.ToString(CultureInfo.InvariantCulture), BenchFormat.Number(stats.Mean),
                s.Interval is { } i ? $"{BenchFormat.Number(i.Low)} to {BenchFormat.Number(i.High)}" : "-",
                $"{stats.Rsd.ToString("F2", CultureInfo.InvariantCulture)}%", BenchFormat.Number(stats.Min), BenchFormat.Number(stats.Max), string.Join("; ", notes),
            ];
        }));
    }

    private static void Comparison(StringBuilder html, BenchComparisonResponse comparison)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h2>{E(comparison.A)} against {E(comparison.B)}</h2>");
        Table(html, ["Metric", "A mean [95% CI]", "B mean [95% CI]", "Change [95% CI]", "p", "Verdict"], comparison.Metrics.Select(m => (IReadOnlyList<string>)
        [
            $"{m.Suite} {m.Metric} ({m.Unit})",
            $"{BenchFormat.Number(m.A.Mean)} [{Number(m.A.Low)}, {Number(m.A.High)}] n={m.A.N}",
            $"{BenchFormat.Number(m.B.Mean)} [{Number(m.B.Low)}, {Number(m.B.High)}] n={m.B.N}",
            m.ChangePercent is { } change ? $"{change:+0.0;-0.0}% [{m.ChangeLow:+0.0;-0.0}%, {m.ChangeHigh:+0.0;-0.0}%]" : "-",
            $"{m.PValue:0.####} ({m.Method})",
            m.Verdict == "same" ? "~" : m.Verdict,
        ]));
        foreach (var warning in comparison.Metrics.SelectMany(m => m.Warnings.Select(w => $"{m.Metric}: {w}")))
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"warn\">warning: {E(warning)}</p>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<p>p: {E(comparison.Test)}; ~ when p &ge; {comparison.Alpha}. Change: {E(comparison.ChangeInterval)}.</p>");
    }

    private static string Number(double? value) => value is { } v ? BenchFormat.Number(v) : "-";

    private static void Table(StringBuilder html, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        html.Append("<table><tr>");
        foreach (var header in headers)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>{E(header)}</th>");
        }

        html.Append("</tr>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append(CultureInfo.InvariantCulture, $"<td{(double.TryParse(cell, CultureInfo.InvariantCulture, out _) ? " class=\"n\"" : string.Empty)}>{E(cell)}</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</table>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
