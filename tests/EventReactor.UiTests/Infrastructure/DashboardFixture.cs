using Deque.AxeCore.Playwright;
using EventReactor.Benchmarks.Ui;
using EventReactor.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace EventReactor.UiTests.Infrastructure;

/// <summary>
/// One real reactor for the browser tests: <c>eventreactor up</c> with an API token, the rules the tests look for, and
/// a store seeded with two benchmark runs; Debian's chromium driven by Playwright, signed in once.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public const string Token = "ui-test-token-5b1e";
    public const string RunA = "run-0000";
    public const string RunB = "run-0001";
    public const int Repetitions = 5;

    private readonly ServicesFixture _services = new();
    private readonly TestWorkspace _workspace = new();
    private CliProcess? _up;
    private IPlaywright? _playwright;

    public string Server => _workspace.Server;

    public string ContainerPrefix => $"ui-{_workspace.Id}-";

    public string MinionId => $"ui-{_workspace.Id}";

    /// <summary>The tag the acting rule fires, caused by the container's death.</summary>
    public string DiedTag => $"ui/{_workspace.Id}/died";

    public ServicesFixture Services => _services;

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>A browser context that has signed in with the token.</summary>
    public IBrowserContext SignedIn { get; private set; } = default!;

    /// <summary>Where the screenshots go: TestResults/screenshots beside the test assembly.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        await _services.InitializeAsync();
        _workspace.WithRules("demo.yaml", $$$"""
            rules:
              - name: announce-nonzero-exit
                description: Tell everyone when one of the test's containers fails
                on: minion/*/docker/container/die
                when: event.data.exitCode != 0 && event.data.name.startsWith('{{{ContainerPrefix}}}')
                do:
                  - event.fire:
                      tag: {{{DiedTag}}}
                      data:
                        container: ${{ event.data.name }}
                        exit: ${{ event.data.exitCode }}
              - name: log-clean-exit
                on: minion/*/docker/container/die
                when: event.data.exitCode == 0
                do:
                  - log:
                      message: ${{ event.data.name }} exited cleanly
              - name: ci-builds
                on: ci/build/*
                do:
                  - log:
                      message: build finished
            """);
        await StoreSeeder.SeedAsync(_workspace.DataPath, new SeedPlan(Minions: 4, Events: 20, Runs: 2, HostsPerRun: 2, Repetitions: Repetitions, SamplesPerRepetition: 600, RunsWithSamples: 1));
        var pools = Path.Combine(_workspace.DataPath, "..", "pools.yaml");
        await File.WriteAllTextAsync(pools, """
            pools:
              - name: amd
                select: grains.cpu.vendor == 'AMD'
              - name: sim
                provider: process
                min: 0
                max: 3
            """);
        _up = await Reactors.StartUpAsync(_workspace, MinionId, new Dictionary<string, string>
        {
            ["EVENTREACTOR_API_TOKEN"] = Token,
            ["EVENTREACTOR__Reactor__PoolsFile"] = pools,
        });
        Directory.CreateDirectory(ScreenshotFolder);
        _playwright = await Playwright.CreateAsync();
        Browser = await ChromiumLauncher.LaunchAsync(_playwright);
        SignedIn = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await SignedIn.NewPageAsync();
        await page.GotoAsync($"{Server}/ui/");
        await page.FillAsync("#token", Token);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync($"{Server}/ui/");
        await page.CloseAsync();
    }

    /// <summary>A new signed-in page at the path; fails unless the page answered 200.</summary>
    public async Task<IPage> OpenAsync(string path)
    {
        var page = await SignedIn.NewPageAsync();
        var response = await page.GotoAsync($"{Server}{path}");
        return response?.Status == 200 ? page : throw new InvalidOperationException($"{path} answered {response?.Status}: {await page.ContentAsync()}");
    }

    /// <summary>Saves a full-page screenshot under <see cref="ScreenshotFolder"/> and returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(ScreenshotFolder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    /// <summary>axe's serious and critical violations on the page, in words (none expected).</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_up is not null)
        {
            await _up.DisposeAsync();
        }

        await _services.DisposeAsync();
        _workspace.Dispose();
    }
}
