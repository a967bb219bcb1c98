using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using EventReactor.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace EventReactor.IntegrationTests;

/// <summary>Benchmark runs end to end: the real CLI against <c>up</c> and the real Docker engine.</summary>
[Collection(ServicesCollection.Name)]
public sealed partial class BenchTests(ITestOutputHelper output)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(45);

    // Exceeds its 16m limit at once; retried once, so both attempts must end as oom.
    private const string OomSuite = """
        name: oom-hog
        image: eventreactor/busybox:latest
        command: head -c 200m /dev/zero | tail > /dev/null && echo never=1
        resources: { memory: 16m }
        repetitions: 1
        retries: 1
        timeout: 30s
        results:
          - regex: 'never=(?<value>\d+)'
            metric: never
        """;

    [Fact]
    public async Task BenchRun_CpuLoopWithWait_PrintsProgressAndSummaryAndResultsShowTheRun()
    {
        using var workspace = new TestWorkspace();
        var minion = $"it-{workspace.Id}";
        await using var up = await StartAsync(workspace, minion, Path.Combine(RepoPaths.Root, "config", "benchmarks"));

        await using var run = CliProcess.Start(["bench", "run", "cpu-loop", "--wait", "--server", workspace.Server]);

        Assert.True(await run.WaitForExitAsync(RunTimeout) == 0, run.Output);
        var runId = RunIdPattern().Match(run.Stdout.First()).Groups["id"].Value;
        Assert.Matches($"^run {runId}: cpu-loop on {minion}$", run.Stdout.First());
        // Progress is polled, so which intermediate counts show depends on timing; the first and the last do not.
        Assert.True(run.Stdout.Count(l => l.StartsWith($"  {minion}: ", StringComparison.Ordinal)) >= 2, run.Output);
        Assert.Contains(run.Stdout, l => Regex.IsMatch(l, $"^  {minion}: warm-up 1/1, [3-6] of 3-6 repetitions done; done$"));
        Assert.Contains(run.Stdout, l => l.StartsWith("MINION", StringComparison.Ordinal) && l.Contains("RSD%", StringComparison.Ordinal));
        Assert.Contains(run.Stdout, l => l.StartsWith(minion, StringComparison.Ordinal) && l.Contains("iterations_per_second", StringComparison.Ordinal));
        Assert.Matches($"^run {runId} done in [0-9.]+s$", run.Stdout.Last());

        await using var table = CliProcess.Start(["bench", "results", "--by", "cpu.model", "--server", workspace.Server]);
        Assert.Equal(0, await table.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        var cpuModel = await CpuModelAsync(workspace, minion);
        Assert.Contains(table.Stdout, l => l.StartsWith("SUITE", StringComparison.Ordinal) && l.Contains("CPU.MODEL", StringComparison.Ordinal));
        Assert.Contains(table.Stdout, l => l.StartsWith("cpu-loop", StringComparison.Ordinal) && l.Contains("iterations_per_second", StringComparison.Ordinal) && l.Contains(cpuModel, StringComparison.Ordinal));

        await using var json = CliProcess.Start(["bench", "results", "--by", "cpu.model", "--json", "--server", workspace.Server]);
        Assert.Equal(0, await json.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        var row = Assert.Single(JsonDocument.Parse(string.Join('\n', json.Stdout)).RootElement.EnumerateArray());
        Assert.Equal([runId], row.GetProperty("runIds").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(cpuModel, row.GetProperty("group").GetString());
        Assert.InRange(row.GetProperty("n").GetInt32(), 3, 6);

        // Every repetition's container was sampled at the suite's 250 ms into metrics.db, and show prints it.
        var repetitions = await WaitSampledAsync(workspace, runId);
        var intervals = repetitions.Select(r => r.GetProperty("containerMetrics").GetProperty("meanIntervalMs")).Where(i => i.ValueKind == JsonValueKind.Number).ToList();
        Assert.NotEmpty(intervals);
        Assert.All(intervals, i => Assert.InRange(i.GetDouble(), 200, 400));
        await using var show = CliProcess.Start(["bench", "show", runId, "--server", workspace.Server]);
        Assert.Equal(0, await show.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains(show.Stdout, l => l.StartsWith("REPETITION", StringComparison.Ordinal) && l.Contains("SAMPLES", StringComparison.Ordinal) && l.Contains("PEAK-MEMORY", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BenchRun_SuiteOverItsMemoryLimit_FailsWithReasonOomAfterItsRetry()
    {
        using var workspace = new TestWorkspace();
        var suites = Directory.CreateDirectory(Path.Combine(workspace.DataPath, "..", "benchmarks")).FullName;
        File.WriteAllText(Path.Combine(suites, "oom-hog.yaml"), OomSuite);
        var minion = $"it-{workspace.Id}";
        await using var up = await StartAsync(workspace, minion, suites);
        await using var stream = await EventStreamClient.ConnectAsync(workspace.Server, "bench/*/failed");

        await using var run = CliProcess.Start(["bench", "run", "oom-hog", "--target", minion, "--wait", "--server", workspace.Server]);

        Assert.True(await run.WaitForExitAsync(RunTimeout) == 1, run.Output);
        var runId = RunIdPattern().Match(run.Stdout.First()).Groups["id"].Value;
        Assert.Contains(run.Stderr, l => Regex.IsMatch(l, $"^eventreactor: run {runId} failed in [0-9.]+s: oom$"));
        Assert.Contains(run.Stdout, l => l.Contains($"{minion}: 0 of 1 repetitions done; FAILED: oom", StringComparison.Ordinal));

        await using var show = CliProcess.Start(["bench", "show", runId, "--json", "--server", workspace.Server]);
        Assert.Equal(0, await show.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        var detail = JsonDocument.Parse(string.Join('\n', show.Stdout)).RootElement;
        Assert.Equal("failed", detail.GetProperty("run").GetProperty("status").GetString());
        Assert.Equal("oom", detail.GetProperty("run").GetProperty("reason").GetString());
        var attempts = Assert.Single(detail.GetProperty("hosts").EnumerateArray()).GetProperty("repetitions").EnumerateArray().ToList();
        Assert.Equal([1, 2], attempts.Select(a => a.GetProperty("attempt").GetInt32()));
        Assert.All(attempts, a => Assert.Equal(("failed", "oom", 137), (a.GetProperty("status").GetString(), a.GetProperty("reason").GetString(), a.GetProperty("exitCode").GetInt32())));
        Assert.All(attempts, a => Assert.Equal(JsonValueKind.String, a.GetProperty("containerId").ValueKind));

        var failed = await stream.WaitForAsync(e => e.Tag == $"bench/{runId}/failed", TimeSpan.FromSeconds(10), "bench/<run>/failed");
        Assert.Equal((runId, "oom-hog", "failed", "oom"), (failed.Data.GetProperty("run").GetString(), failed.Data.GetProperty("suite").GetString(), failed.Data.GetProperty("status").GetString(), failed.Data.GetProperty("reason").GetString()));
        Assert.Equal(0, failed.Data.GetProperty("results").GetArrayLength());
    }

    [Fact]
    public async Task BenchRun_InvalidSuite_FailsNamingFileLineAndColumn()
    {
        using var workspace = new TestWorkspace();
        var suites = Directory.CreateDirectory(Path.Combine(workspace.DataPath, "..", "benchmarks")).FullName;
        File.WriteAllText(Path.Combine(suites, "broken.yaml"), "image: eventreactor/busybox:latest\nrepetitions: { min: 5, max: 2 }\nresults: [{ regex: 'x', metric: m }]\n");
        await using var up = await StartAsync(workspace, $"it-{workspace.Id}", suites);

        await using var run = CliProcess.Start(["bench", "run", "broken", "--server", workspace.Server]);

        Assert.Equal(1, await run.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        var file = Path.Combine(suites, "broken.yaml");
        Assert.Contains($"{file}:2:21: repetitions 'min' (5) must not exceed 'max' (2)", run.Output, StringComparison.Ordinal);
        Assert.Contains($"{file}:3:20: results[0]: the regex needs a named group 'value'", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchmarkRunAction_FromARule_RunsTheSuiteAndFiresDoneWithResults()
    {
        using var workspace = new TestWorkspace();
        var suites = Directory.CreateDirectory(Path.Combine(workspace.DataPath, "..", "benchmarks")).FullName;
        File.WriteAllText(Path.Combine(suites, "quick.yaml"), """
            image: eventreactor/busybox:latest
            command: |
              echo '{"metric": "answer", "value": 42, "unit": "n"}'
            repetitions: 2
            results: [{ json_lines: true }]
            """);
        workspace.WithRules("bench.yaml", $$$"""
            rules:
              - name: bench-after-build
                on: ci-{{{workspace.Id}}}/build/finished
                do:
                  - benchmark.run:
                      suite: quick
                      tgt: ${{ event.data.host }}
            """);
        var minion = $"it-{workspace.Id}";
        await using var up = await StartAsync(workspace, minion, suites);
        await using var stream = await EventStreamClient.ConnectAsync(workspace.Server, "bench/*");
        using var http = new HttpClient { BaseAddress = new Uri(workspace.Server) };

        await http.PostAsJsonAsync("/api/events", new { tag = $"ci-{workspace.Id}/build/finished", data = new { host = minion } });

        var done = await stream.WaitForAsync(e => e.Tag.EndsWith("/done", StringComparison.Ordinal) || e.Tag.EndsWith("/failed", StringComparison.Ordinal), RunTimeout, "bench/<run>/done");
        Assert.Equal(("done", "quick"), (done.Data.GetProperty("status").GetString(), done.Data.GetProperty("suite").GetString()));
        var result = Assert.Single(done.Data.GetProperty("results").EnumerateArray());
        Assert.Equal((minion, "answer", "n", 2, 42.0, 0.0), (result.GetProperty("minion").GetString(), result.GetProperty("metric").GetString(), result.GetProperty("unit").GetString(), result.GetProperty("n").GetInt32(), result.GetProperty("mean").GetDouble(), result.GetProperty("rsd").GetDouble()));
        var run = done.Data.GetProperty("run").GetString()!;
        Assert.Contains(stream.Events, e => e.Tag == $"bench/{run}/new" && e.CausedBy is not null);
        Assert.Contains(stream.Events, e => e.Tag == $"bench/{run}/started");
        Assert.Equal(2, stream.Events.Count(e => e.Tag == $"bench/{run}/progress"));
    }

    [Fact]
    public async Task BenchCompare_CpuLoopAtHalfACpuAgainstAWholeOne_CallsTheWholeOneFasterByAboutTwice()
    {
        using var workspace = new TestWorkspace();
        var suites = Directory.CreateDirectory(Path.Combine(workspace.DataPath, "..", "benchmarks")).FullName;
        var (half, full, iterations) = CpuQuotas();
        File.WriteAllText(Path.Combine(suites, "cpu-half.yaml"), CpuLoopSuite("cpu-half", half, iterations));
        File.WriteAllText(Path.Combine(suites, "cpu-full.yaml"), CpuLoopSuite("cpu-full", full, iterations));
        await using var up = await StartAsync(workspace, $"it-{workspace.Id}", suites);

        var halfRun = await RunSuiteAsync(workspace, "cpu-half");
        var fullRun = await RunSuiteAsync(workspace, "cpu-full");

        var metric = await CompareAsync(workspace, halfRun, fullRun);
        output.WriteLine($"cpus {half} against {full}, {iterations} iterations: {metric.GetRawText()}");
        Assert.True(metric.GetProperty("verdict").GetString() == "faster", metric.GetRawText());
        Assert.True(metric.GetProperty("pValue").GetDouble() < 0.05, metric.GetRawText());
        // Twice the CPU, twice the iterations per second on a quiet machine (+100%). The quota is sized from the load when the
        // test starts; when the load rises during the run the whole share is not always free to take (+49% in a CI run).
        Assert.True(metric.GetProperty("changePercent").GetDouble() is > 25 and < 160, metric.GetRawText());
        Assert.True(metric.GetProperty("changeLow").GetDouble() > 0, metric.GetRawText());

        await using var table = CliProcess.Start(["bench", "compare", halfRun, fullRun, "--server", workspace.Server]);
        Assert.Equal(0, await table.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains(table.Stdout, l => l.StartsWith("SUITE", StringComparison.Ordinal) && l.Contains("CHANGE 95% CI", StringComparison.Ordinal));
        Assert.Contains(table.Stdout, l => l.StartsWith("cpu-half vs cpu-full", StringComparison.Ordinal) && l.Contains("iterations_per_second", StringComparison.Ordinal) && l.TrimEnd().EndsWith("faster", StringComparison.Ordinal));
        Assert.Contains(table.Stdout, l => l.StartsWith("p: Mann-Whitney U", StringComparison.Ordinal));

        var report = Path.Combine(workspace.DataPath, "..", "report.html");
        await using var write = CliProcess.Start(["bench", "report", halfRun, fullRun, "-o", report, "--server", workspace.Server]);
        Assert.True(await write.WaitForExitAsync(TimeSpan.FromSeconds(30)) == 0, write.Output);
        var html = File.ReadAllText(report);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains($"{halfRun} against {fullRun}", html, StringComparison.Ordinal);
        // Self-contained: nothing to fetch (the SVG namespace is a name, not a request).
        Assert.DoesNotMatch("(src|href)=|@import|url\\(", html);
    }

    [Fact]
    public async Task BenchCompare_TwoRunsWithTheSameSettings_ComeOutIndistinguishableInMostTrials()
    {
        const int Trials = 3;
        using var workspace = new TestWorkspace();
        var suites = Directory.CreateDirectory(Path.Combine(workspace.DataPath, "..", "benchmarks")).FullName;
        var (_, full, iterations) = CpuQuotas();
        File.WriteAllText(Path.Combine(suites, "cpu-full.yaml"), CpuLoopSuite("cpu-full", full, iterations));
        await using var up = await StartAsync(workspace, $"it-{workspace.Id}", suites);

        var verdicts = new List<string>();
        for (var trial = 0; trial < Trials; trial++)
        {
            var first = await RunSuiteAsync(workspace, "cpu-full");
            var second = await RunSuiteAsync(workspace, "cpu-full");
            var metric = await CompareAsync(workspace, first, second);
            verdicts.Add($"{metric.GetProperty("verdict").GetString()} (p {metric.GetProperty("pValue").GetDouble():0.###}, {metric.GetProperty("changePercent").GetDouble():+0.0;-0.0}%)");
        }

        // The count goes to the test's output so that the note can say how often: `dotnet test --logger "console;verbosity=detailed"`.
        output.WriteLine($"same settings (cpus {full}): {verdicts.Count(v => v.StartsWith("same", StringComparison.Ordinal))} of {Trials} ~: {string.Join("; ", verdicts)}");
        Assert.True(verdicts.Count(v => v.StartsWith("same", StringComparison.Ordinal)) * 2 > Trials, string.Join("; ", verdicts));
    }

    // 0.5 and 1.0 CPU as the issue asks, on a machine with a CPU to spare. On a loaded one (a shared build machine runs
    // at load 40 on 2 cores) every container gets less than either limit, so both would run alike: the limits then
    // shrink to a quarter of the fair share a container gets anyway (the load average spread over the cores; it lags,
    // hence the margin), so that they, not the contention, decide the speed; the loop shrinks with them to keep a
    // repetition near a second.
    private static (string Half, string Full, int Iterations) CpuQuotas()
    {
        var load = double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        var fairShare = Environment.ProcessorCount / Math.Max(load + 1, Environment.ProcessorCount);
        // Whole fiftieths, so that half of it is whole hundredths (Docker's resolution) and exactly half.
        var full = fairShare >= 1 ? 1.0 : Math.Clamp(Math.Floor(fairShare / 4 * 50) / 50, 0.02, 1.0);
        var text = (double cpus) => cpus.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        return (text(full / 2), text(full), (int)(2_000_000 * full));
    }

    // cpu-loop with a CPU limit, six measured repetitions always, so that both sides have the same n.
    private static string CpuLoopSuite(string name, string cpus, int iterations) =>
        File.ReadAllText(Path.Combine(RepoPaths.Root, "config", "benchmarks", "cpu-loop.yaml"))
            .Replace("name: cpu-loop", $"name: {name}", StringComparison.Ordinal)
            .Replace("ITERATIONS: 2000000", $"ITERATIONS: {iterations}", StringComparison.Ordinal)
            .Replace("  cpus: 1\n", $"  cpus: {cpus}\n", StringComparison.Ordinal)
            .Replace("  min: 3\n  max: 6\n", "  min: 6\n  max: 6\n", StringComparison.Ordinal);

    private static async Task<string> RunSuiteAsync(TestWorkspace workspace, string suite)
    {
        await using var run = CliProcess.Start(["bench", "run", suite, "--wait", "--server", workspace.Server]);
        Assert.True(await run.WaitForExitAsync(TimeSpan.FromSeconds(120)) == 0, run.Output);
        return RunIdPattern().Match(run.Stdout.First()).Groups["id"].Value;
    }

    private static async Task<JsonElement> CompareAsync(TestWorkspace workspace, string a, string b)
    {
        await using var compare = CliProcess.Start(["bench", "compare", a, b, "--json", "--server", workspace.Server]);
        Assert.True(await compare.WaitForExitAsync(TimeSpan.FromSeconds(30)) == 0, compare.Output);
        var metric = Assert.Single(JsonDocument.Parse(string.Join('\n', compare.Stdout)).RootElement.GetProperty("metrics").EnumerateArray());
        Assert.Equal(("iterations_per_second", 6, 6), (metric.GetProperty("metric").GetString(), metric.GetProperty("a").GetProperty("n").GetInt32(), metric.GetProperty("b").GetProperty("n").GetInt32()));
        return metric;
    }

    // The last batch of samples follows the job return through the outbox and the sink's writer: poll until it landed.
    private static async Task<IReadOnlyList<JsonElement>> WaitSampledAsync(TestWorkspace workspace, string runId)
    {
        using var http = new HttpClient { BaseAddress = new Uri(workspace.Server) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var detail = await http.GetFromJsonAsync<JsonElement>($"/api/bench/runs/{runId}");
            var repetitions = detail.GetProperty("hosts").EnumerateArray().SelectMany(h => h.GetProperty("repetitions").EnumerateArray())
                .Where(r => r.GetProperty("status").GetString() == "ok").ToList();
            if (repetitions.Count > 0 && repetitions.All(r => r.GetProperty("containerMetrics") is { ValueKind: JsonValueKind.Object } m
                && m.GetProperty("samples").GetInt32() >= 1 && m.GetProperty("ended").ValueKind == JsonValueKind.String))
            {
                return repetitions;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"not every repetition of run {runId} has its container's samples: {detail.GetRawText()}");
            }

            await Task.Delay(250);
        }
    }

    private static async Task<CliProcess> StartAsync(TestWorkspace workspace, string minion, string suites)
    {
        var up = await Reactors.StartUpAsync(workspace, minion, new Dictionary<string, string> { ["EVENTREACTOR__Reactor__Benchmarks__Path"] = suites });
        await WaitPresentAsync(workspace, minion);
        return up;
    }

    private static async Task WaitPresentAsync(TestWorkspace workspace, string minion)
    {
        using var http = new HttpClient { BaseAddress = new Uri(workspace.Server) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var minions = await http.GetFromJsonAsync<JsonElement>("/api/minions");
            if (minions.EnumerateArray().Any(m => m.GetProperty("id").GetString() == minion && m.GetProperty("present").GetBoolean() && m.GetProperty("grains").ValueKind == JsonValueKind.Object))
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"minion {minion} never became present with its grains");
    }

    private static async Task<string> CpuModelAsync(TestWorkspace workspace, string minion)
    {
        using var http = new HttpClient { BaseAddress = new Uri(workspace.Server) };
        var minions = await http.GetFromJsonAsync<JsonElement>("/api/minions");
        return minions.EnumerateArray().Single(m => m.GetProperty("id").GetString() == minion).GetProperty("grains").GetProperty("cpu").GetProperty("model").GetString()!;
    }

    [GeneratedRegex("^run (?<id>[0-9]{8}-[0-9]{6}-[0-9a-f]{4}):")]
    private static partial Regex RunIdPattern();
}
