using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace EventReactor.Benchmarks.Ui;

/// <summary>
/// The dashboard's page times for deploy/perf/ui.sh. <c>ui seed DIR</c> fills a data folder (100,000 audited events,
/// 1,000 runs, 50 minions, and a run with a 10-minute 100 ms series); <c>ui measure URL</c> times every page against a
/// reactor serving that folder: server time per page (p50, p95, with /api/status as the peer), and the series run page
/// until its charts are drawn in chromium.
/// </summary>
internal static partial class UiBenchmark
{
    public const string SeriesRun = "run-series";
    private const int Warmup = 5;
    private const int Requests = 100;
    private const int BrowserLoads = 10;
    private const double TargetServerMs = 50;
    private const double TargetBrowserMs = 500;

    public static async Task<int> RunAsync(string[] args)
    {
        switch (args)
        {
            case ["seed", var folder]:
                var seeding = Stopwatch.StartNew();
                await StoreSeeder.SeedAsync(folder, new SeedPlan(Minions: 50, Events: 100_000, Runs: 1000, HostsPerRun: 2, Repetitions: 5, SamplesPerRepetition: 0, RunsWithSamples: 0));
                await StoreSeeder.SeedSeriesRunAsync(folder, SeriesRun, 6000);
                Console.WriteLine($"seeded {folder} in {seeding.Elapsed.TotalSeconds:F0} s: 50 minions, 100,000 audited events, 1,000 runs, and {SeriesRun} with 6,000 samples");
                return 0;
            case ["measure", var server]:
                return await MeasureAsync(server.TrimEnd('/'));
            default:
                Console.Error.WriteLine("usage: ui seed DATA_FOLDER | ui measure http://127.0.0.1:PORT");
                return 2;
        }
    }

    private static async Task<int> MeasureAsync(string server)
    {
        using var http = new HttpClient { BaseAddress = new Uri(server), Timeout = TimeSpan.FromSeconds(30) };
        var events = await http.GetStringAsync("/ui/events");
        var eventId = EventLink().Match(events).Groups[1].Value;
        string[] pages =
        [
            "/api/status", "/ui/", "/ui/minions", "/ui/minions/bench-00", "/ui/events", $"/ui/events/{eventId}", "/ui/rules", "/ui/jobs", "/ui/pools",
            "/ui/bench", "/ui/bench/runs/run-0500", "/ui/bench/compare?suite=matmul&by=cpu.model", "/ui/bench/compare?suite=matmul&by=cpu.model&a=run-0001&b=run-0002",
            $"/ui/bench/runs/{SeriesRun}",
        ];

        Console.WriteLine($"server time, {Requests} sequential requests each after {Warmup} warm-up (loopback round trip, so an upper bound)");
        Console.WriteLine($"{"page",-75} {"p50 ms",8} {"p95 ms",8} {"× peer",7}");
        double? peer = null;
        var failures = 0;
        foreach (var page in pages)
        {
            var times = await TimeAsync(http, page);
            var p95 = Percentile(times, 0.95);
            peer ??= p95;
            var over = page.StartsWith("/ui", StringComparison.Ordinal) && p95 > TargetServerMs;
            failures += over ? 1 : 0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{page,-75} {Percentile(times, 0.5),8:F1} {p95,8:F1} {p95 / peer.Value,7:F1}{(over ? "  OVER 50 ms" : "")}"));
        }

        var ready = await BrowserReadyAsync(server);
        var p95Ready = Percentile(ready, 0.95);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"browser: /ui/bench/runs/{SeriesRun} (6,000 samples × 4 metrics, cut to 2,000 points each) charts drawn after p50 {Percentile(ready, 0.5):F0} ms, p95 {p95Ready:F0} ms, max {ready.Max():F0} ms over {BrowserLoads} loads"));
        failures += p95Ready > TargetBrowserMs ? 1 : 0;
        Console.WriteLine(failures == 0 ? "all within target (server p95 ≤ 50 ms, browser ≤ 500 ms)" : $"{failures} over target");
        return failures == 0 ? 0 : 1;
    }

    private static async Task<List<double>> TimeAsync(HttpClient http, string page)
    {
        var times = new List<double>(Requests);
        for (var i = 0; i < Warmup + Requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(page);
            await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            if (i >= Warmup)
            {
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        return times;
    }

    // From navigation start to the mark ui.js sets once every chart is drawn.
    private static async Task<List<double>> BrowserReadyAsync(string server)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await ChromiumLauncher.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var ready = new List<double>();
        for (var i = 0; i < BrowserLoads + 1; i++)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync($"{server}/ui/bench/runs/{SeriesRun}");
            await page.WaitForFunctionAsync("() => performance.getEntriesByName('charts-drawn').length > 0");
            var drawn = await page.EvaluateAsync<double>("() => performance.getEntriesByName('charts-drawn')[0].startTime");
            if (i > 0)
            {
                ready.Add(drawn);
            }

            await page.CloseAsync();
        }

        return ready;
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    [GeneratedRegex("href=\"/ui/events/([0-9a-f]+)\"")]
    private static partial Regex EventLink();
}
