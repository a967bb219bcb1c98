using EventReactor.Core.Benchmarks;
using EventReactor.Reactor.Benchmarks;
using EventReactor.Reactor.Metrics;
using EventReactor.Reactor.Ui.Charts;
using EventReactor.Reactor.Ui.Pages;
using EventReactor.Reactor.Ui.Queries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Ui.Endpoints;

internal static class BenchPageEndpoints
{
    public static IEndpointRouteBuilder MapBenchPages(this IEndpointRouteBuilder ui)
    {
        ui.MapGet("/bench", async (IBenchmarkStore store, CancellationToken cancellationToken) =>
            UiPage.Render<BenchRunsPage>(await store.ListRunsAsync(null, 200, cancellationToken)));
        ui.MapGet("/bench/runs/{id}", async (string id, IBenchmarkStore store, RepetitionCharts charts, CancellationToken cancellationToken) =>
        {
            if (await store.FindAsync(id, cancellationToken) is not { } detail)
            {
                return Results.NotFound($"no benchmark run '{id}'");
            }

            var repetitions = new List<RepetitionPanel>();
            foreach (var repetition in detail.Repetitions.OrderBy(r => r.Minion, StringComparer.Ordinal).ThenBy(r => r.Warmup ? 0 : 1).ThenBy(r => r.Index).ThenBy(r => r.Attempt))
            {
                var (samples, series) = repetition.ContainerId is { } container ? await charts.ForAsync(container, $"rep-{repetitions.Count}", cancellationToken) : (0, []);
                repetitions.Add(new RepetitionPanel(repetition, samples, series));
            }

            return UiPage.Render<BenchRunPage>(new BenchRunModel(detail.Run, detail.Hosts, BenchmarkCharts.Repetitions(detail), repetitions));
        });
        ui.MapGet("/bench/compare", async (string? suite, string? metric, string? by, string? a, string? b, IBenchmarkStore store, BenchmarkResultsQuery results, IOptions<BenchmarkOptions> options, CancellationToken cancellationToken) =>
        {
            var recent = await store.ListRunsAsync(null, 200, cancellationToken);
            var suites = recent.Select(r => r.Suite).Concat(BenchmarkSuiteLoader.List(options.Value.Path)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            suite = string.IsNullOrWhiteSpace(suite) ? recent.FirstOrDefault()?.Suite ?? suites.FirstOrDefault() : suite;
            by = string.IsNullOrWhiteSpace(by) ? "cpu.model" : by.Trim();
            MetricPanel? grouped = null;
            var metrics = new List<string>();
            if (suite is not null)
            {
                var comparisons = await results.CompareAsync(suite, by, cancellationToken);
                metrics = comparisons.Select(c => c.Metric).Distinct(StringComparer.Ordinal).ToList();
                metric = metric is not null && metrics.Contains(metric, StringComparer.Ordinal) ? metric : metrics.FirstOrDefault();
                if (metric is not null)
                {
                    grouped = BenchmarkCharts.Groups("grouped", metric, comparisons.Where(c => c.Metric == metric).ToList());
                }
            }

            IReadOnlyList<MetricPanel> sideBySide = [];
            string? error = null;
            if (!string.IsNullOrWhiteSpace(a) && !string.IsNullOrWhiteSpace(b))
            {
                var left = await store.FindAsync(a.Trim(), cancellationToken);
                var right = await store.FindAsync(b.Trim(), cancellationToken);
                if (left is null || right is null)
                {
                    error = $"no benchmark run '{(left is null ? a : b)}'";
                }
                else
                {
                    sideBySide = BenchmarkCharts.SideBySide(left, right);
                }
            }

            return UiPage.Render<BenchComparePage>(new CompareModel(suites, suite, by, metrics, metric, grouped, a, b, sideBySide, error));
        });
        return ui;
    }
}
