using EventReactor.Contracts.Api;
using EventReactor.Core.Statistics;

namespace EventReactor.Cli.Commands;

/// <summary>One host's measured values of one metric in one run, in repetition order, for the report's tables and plots.</summary>
internal sealed record BenchReportSeries(string Run, string Suite, string Minion, string Metric, string Unit, bool HigherIsBetter, IReadOnlyList<double> Values)
{
    public ConfidenceInterval? Interval => MeanInterval.Of([.. Values]);

    public bool[] Outliers => MadOutliers.Flag(Values);

    public bool ColdFirst => MadOutliers.ColdFirst(Values, HigherIsBetter);

    public static IEnumerable<BenchReportSeries> From(BenchmarkRunReport detail)
    {
        foreach (var host in detail.Hosts)
        {
            var values = host.Repetitions
                .Where(r => !r.Warmup && r.Status == BenchmarkStatus.Ok)
                .OrderBy(r => r.Index)
                .SelectMany(r => r.Values);
            foreach (var metric in values.GroupBy(v => v.Metric, StringComparer.Ordinal))
            {
                var last = metric.Last();
                yield return new BenchReportSeries(detail.Run.Id, detail.Run.Suite, host.Minion, metric.Key, last.Unit, last.HigherIsBetter, [.. metric.Select(v => v.Value)]);
            }
        }
    }
}
