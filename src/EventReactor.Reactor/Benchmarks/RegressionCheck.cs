using System.Text.Json;
using EventReactor.Contracts.Benchmarks;
using EventReactor.Core.Statistics;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Benchmarks;

/// <summary>
/// Compares a finished run, per host and metric, with its baseline: the measured values of the last
/// <see cref="RegressionBaselineOptions.Runs"/> earlier runs of the suite on hosts of the same hardware class (the
/// value at <see cref="RegressionBaselineOptions.Grain"/>). A significant change for the worse is a regression; its
/// data is the payload of <c>bench/&lt;run&gt;/regressed</c>.
/// </summary>
internal sealed class RegressionCheck(IBenchmarkStore store, IOptions<BenchmarkOptions> options)
{
    public async Task<IReadOnlyList<BenchmarkRunRegressed>> FindAsync(BenchmarkRun run, CancellationToken cancellationToken)
    {
        var baseline = options.Value.Regression;
        var measured = await store.ListMeasuredAsync(run.Suite, cancellationToken);
        var order = measured.Select(m => m.Run).Distinct(StringComparer.Ordinal).ToList();
        var position = order.IndexOf(run.Id);
        if (position <= 0)
        {
            return [];
        }

        var regressions = new List<BenchmarkRunRegressed>();
        foreach (var host in measured.Where(m => m.Run == run.Id).GroupBy(m => m.Minion, StringComparer.Ordinal))
        {
            var group = GrainPath.Text(host.First().Grains, baseline.Grain);
            var earlier = measured.Where(m => order.IndexOf(m.Run) < position && GrainPath.Text(m.Grains, baseline.Grain) == group).ToList();
            var runs = earlier.Select(m => m.Run).Distinct(StringComparer.Ordinal).TakeLast(baseline.Runs).ToList();
            var before = earlier.Where(m => runs.Contains(m.Run)).SelectMany(m => m.Values).ToList();
            foreach (var metric in host.SelectMany(m => m.Values).GroupBy(v => v.Metric, StringComparer.Ordinal))
            {
                var reference = before.Where(v => v.Metric == metric.Key).Select(v => v.Value).ToList();
                if (reference.Count == 0)
                {
                    continue;
                }

                var last = metric.Last();
                var comparison = SampleComparison.Of(reference, [.. metric.Select(v => v.Value)], last.HigherIsBetter, "the baseline", "this run");
                if (comparison.Verdict == ChangeVerdict.Slower)
                {
                    regressions.Add(BenchmarkEvents.Regressed(run, host.Key, metric.Key, last.Unit, last.HigherIsBetter, baseline.Grain, group, runs, comparison));
                }
            }
        }

        return regressions;
    }
}
