using System.Text.Json;
using EventReactor.Core.Statistics;

namespace EventReactor.Cli.Commands;

/// <summary>One host's measured values of one metric in one run, in repetition order, for the report's tables and plots.</summary>
internal sealed record BenchReportSeries(string Run, string Suite, string Minion, string Metric, string Unit, bool HigherIsBetter, IReadOnlyList<double> Values)
{
    public ConfidenceInterval? Interval => MeanInterval.Of([.. Values]);

    public bool[] Outliers => MadOutliers.Flag(Values);

    public bool ColdFirst => MadOutliers.ColdFirst(Values, HigherIsBetter);

    public static IEnumerable<BenchReportSeries> From(JsonElement detail)
    {
        var run = detail.GetProperty("run");
        foreach (var host in detail.GetProperty("hosts").EnumerateArray())
        {
            var values = host.GetProperty("repetitions").EnumerateArray()
                .Where(r => !r.GetProperty("warmup").GetBoolean() && r.GetProperty("status").GetString() == "ok")
                .OrderBy(r => r.GetProperty("index").GetInt32())
                .SelectMany(r => r.GetProperty("values").EnumerateArray())
                .ToList();
            foreach (var metric in values.GroupBy(v => v.GetProperty("metric").GetString()!, StringComparer.Ordinal))
            {
                var last = metric.Last();
                yield return new BenchReportSeries(
                    run.GetProperty("id").GetString()!,
                    run.GetProperty("suite").GetString()!,
                    host.GetProperty("minion").GetString()!,
                    metric.Key,
                    last.TryGetProperty("unit", out var unit) ? unit.GetString() ?? string.Empty : string.Empty,
                    !last.TryGetProperty("higherIsBetter", out var higher) || higher.GetBoolean(),
                    [.. metric.Select(v => v.GetProperty("value").GetDouble())]);
            }
        }
    }
}
