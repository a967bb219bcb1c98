using System.Globalization;
using System.Net;
using System.Text;

namespace EventReactor.Cli.Commands;

/// <summary>An inline SVG strip plot of one metric: per run and host a row of its repetitions, the mean, and the 95% interval.</summary>
internal static class BenchReportPlot
{
    private const int Width = 760;
    private const int Left = 260;
    private const int Right = 20;
    private const int RowHeight = 28;

    public static string Svg(IReadOnlyList<BenchReportSeries> series)
    {
        var all = series.SelectMany(s => s.Values).ToList();
        var (min, max) = (all.Min(), all.Max());
        var pad = Math.Max((max - min) * 0.08, Math.Abs(max) * 0.01 + 1e-9);
        (min, max) = (min - pad, max + pad);
        double X(double value) => Left + ((value - min) / (max - min) * (Width - Left - Right));
        string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

        var height = (series.Count * RowHeight) + 40;
        var svg = new StringBuilder($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" role=\"img\">");
        for (var row = 0; row < series.Count; row++)
        {
            var s = series[row];
            var y = 20 + (row * RowHeight);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"4\" y=\"{y + 4}\" class=\"label\">{WebUtility.HtmlEncode($"{s.Run} {s.Minion}")}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y}\" y2=\"{y}\" class=\"grid\"/>");
            if (s.Interval is { } interval)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(X(interval.Low))}\" y=\"{y - 6}\" width=\"{F(Math.Max(1, X(interval.High) - X(interval.Low)))}\" height=\"12\" class=\"ci\"><title>95% CI {BenchFormat.Number(interval.Low)} to {BenchFormat.Number(interval.High)}</title></rect>");
            }

            var outliers = s.Outliers;
            for (var i = 0; i < s.Values.Count; i++)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(X(s.Values[i]))}\" cy=\"{y}\" r=\"4\" class=\"{(outliers[i] ? "outlier" : "value")}\"><title>repetition {i + 1}: {BenchFormat.Number(s.Values[i])}</title></circle>");
            }

            var mean = s.Values.Average();
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(X(mean))}\" x2=\"{F(X(mean))}\" y1=\"{y - 9}\" y2=\"{y + 9}\" class=\"mean\"/>");
        }

        var axis = 20 + (series.Count * RowHeight);
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"{axis}\" class=\"axis\">{WebUtility.HtmlEncode(BenchFormat.Number(min))}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Right}\" y=\"{axis}\" text-anchor=\"end\" class=\"axis\">{WebUtility.HtmlEncode($"{BenchFormat.Number(max)} {series[0].Unit}")}</text>");
        return svg.Append("</svg>").ToString();
    }
}
