using EventReactor.Benchmarks.Ui;
using EventReactor.UiTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace EventReactor.UiTests;

/// <summary>The dashboard in a real browser against a real reactor: live events, rule decisions, benchmark plots, sign-in.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardTests(DashboardFixture fixture, ITestOutputHelper output)
{
    private const string DieGlob = "minion/*/docker/container/die";

    [Fact]
    public async Task LiveEvents_ContainerExitsWithCode3_AppearsWithinTwoSeconds()
    {
        var page = await OpenLiveAsync();
        var name = fixture.ContainerPrefix + "live";

        await fixture.Services.RunToExitAsync(name, "sh", "-c", "exit 3");

        // The container has died: its event must be on the page within 2 s.
        var row = page.Locator("#live tr", new PageLocatorOptions { HasText = name }).First;
        await row.WaitForAsync(new LocatorWaitForOptions { Timeout = 2000 });
        Assert.Contains($"/{fixture.MinionId}/docker/container/die", await row.InnerTextAsync(), StringComparison.Ordinal);
        await SaveAsync(page, "events-live");
    }

    [Fact]
    public async Task LiveEvents_Paused_HoldsNewEventsUntilResumed()
    {
        var page = await OpenLiveAsync();
        await page.ClickAsync("#pause");
        var name = fixture.ContainerPrefix + "paused";

        await fixture.Services.RunToExitAsync(name, "sh", "-c", "exit 3");
        await page.Locator("#live-status", new PageLocatorOptions { HasText = "1 new" }).WaitForAsync(new LocatorWaitForOptions { Timeout = 5000 });

        Assert.Equal(0, await page.Locator("#live tr", new PageLocatorOptions { HasText = name }).CountAsync());
        await page.ClickAsync("#pause");
        Assert.Equal(1, await page.Locator("#live tr", new PageLocatorOptions { HasText = name }).CountAsync());
    }

    [Fact]
    public async Task EventPage_ContainerExitedWithCode3_ShowsTheRuleThatActedAndOnesThatDidNotWithTheReason()
    {
        var page = await OpenLiveAsync();
        var name = fixture.ContainerPrefix + "explain";
        await fixture.Services.RunToExitAsync(name, "sh", "-c", "exit 3");
        var row = page.Locator("#live tr", new PageLocatorOptions { HasText = name }).First;
        await row.WaitForAsync(new LocatorWaitForOptions { Timeout = 5000 });
        await row.Locator("a").ClickAsync();
        await page.WaitForURLAsync("**/ui/events/*");

        // The live row can come before the rules have run: the page is read again until the audit is in.
        var acted = page.Locator("tr[data-rule='announce-nonzero-exit']");
        await ReloadUntilAsync(page, async () => await acted.GetAttributeAsync("data-outcome") == "acted" && await page.Locator("ul.chain a").CountAsync() > 0);

        var notActed = page.Locator("tr[data-rule='log-clean-exit']");
        Assert.Equal("condition-false", await notActed.GetAttributeAsync("data-outcome"));
        Assert.Contains("event.data.exitCode == 0", await notActed.InnerTextAsync(), StringComparison.Ordinal);
        var otherTag = page.Locator("tr[data-rule='ci-builds']");
        Assert.Equal("no-match", await otherTag.GetAttributeAsync("data-outcome"));
        Assert.Contains("ci/build/*", await otherTag.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(fixture.DiedTag, await page.Locator("ul.chain").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(name, await page.Locator("pre.json").InnerTextAsync(), StringComparison.Ordinal);
        await SaveAsync(page, "event");
    }

    [Fact]
    public async Task BenchmarkRun_RepetitionsChart_HasOnePointPerRepetition()
    {
        var page = await fixture.OpenAsync($"/ui/bench/runs/{DashboardFixture.RunA}");
        await page.WaitForFunctionAsync("() => window.erCharts && window.erCharts['metric-0'] && window.erCharts['rep-0-cpu']");

        // The seeder gives the run's first host every repetition and its second one fewer.
        var points = await page.EvaluateAsync<int[]>("() => window.erCharts['metric-0'].data.slice(1).map(s => s.filter(v => v != null).length)");
        var hosts = await page.EvaluateAsync<string[]>("() => window.erCharts['metric-0'].series.slice(1).map(s => s.label)");
        Assert.Equal([StoreSeeder.MinionId(0), StoreSeeder.MinionId(1)], hosts);
        Assert.Equal([DashboardFixture.Repetitions, DashboardFixture.Repetitions - 1], points);
        var n = await page.Locator("table.intervals tr", new PageLocatorOptions { HasText = StoreSeeder.MinionId(0) }).Locator("td.num").First.InnerTextAsync();
        Assert.Equal(DashboardFixture.Repetitions.ToString(System.Globalization.CultureInfo.InvariantCulture), n.Trim());

        // Each repetition's container: its 600 samples of 100 ms, at native resolution (under the 2,000-point cut).
        var samples = await page.EvaluateAsync<int>("() => window.erCharts['rep-0-cpu'].data[0].length");
        Assert.Equal(600, samples);
        await SaveAsync(page, "bench-run");
    }

    [Theory]
    [InlineData("cpu.model")]
    [InlineData("gpus[0].model")]
    public async Task Compare_ByGrainPath_GroupsBarsByThatGrain(string by)
    {
        var page = await fixture.OpenAsync($"/ui/bench/compare?suite=matmul&metric=duration&by={Uri.EscapeDataString(by)}&a={DashboardFixture.RunA}&b={DashboardFixture.RunB}");
        await page.WaitForFunctionAsync("() => window.erCharts && window.erCharts['grouped'] && window.erCharts['side-0']");

        var groups = await page.EvaluateAsync<string[]>("() => JSON.parse(document.getElementById('grouped').dataset.chart).categories");
        var expected = by == "cpu.model" ? StoreSeeder.CpuModels : StoreSeeder.GpuModels;
        Assert.Equal(expected.Order(StringComparer.Ordinal), groups);
        var sides = await page.EvaluateAsync<string[]>("() => JSON.parse(document.getElementById('side-0').dataset.chart).categories");
        Assert.Contains($"A · {StoreSeeder.MinionId(0)}", sides);
        Assert.Contains($"B · {StoreSeeder.MinionId(1)}", sides);
        if (by == "cpu.model")
        {
            await SaveAsync(page, "bench-compare");
        }
    }

    [Fact]
    public async Task Rules_DryRunOfAPastedEvent_ShowsEachRulesVerdict()
    {
        var page = await fixture.OpenAsync("/ui/rules");
        await page.FillAsync("#event", $$$"""{"tag": "minion/web1/docker/container/die", "data": {"name": "{{{fixture.ContainerPrefix}}}dry", "exitCode": 3}}""");
        await page.ClickAsync("form[hx-post] button[type=submit]");

        var acted = page.Locator("#dryrun tr[data-rule='announce-nonzero-exit']");
        await acted.WaitForAsync();
        Assert.Contains("acted", await acted.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("condition-false", await page.Locator("#dryrun tr[data-rule='log-clean-exit']").InnerTextAsync(), StringComparison.Ordinal);
        await SaveAsync(page, "rules");
    }

    [Fact]
    public async Task Pools_ScaledFromTheUi_CardShowsThePoolServicesAnswer()
    {
        var page = await fixture.OpenAsync("/ui/pools");

        // Over max: refused with the range. Then within it: in 'up' (in-memory bus) the process provider explains that
        // its minions need a real broker. Both answers come back in the swapped card, each with a fresh antiforgery token.
        await page.Locator("#pool-sim input[name=size]").FillAsync("9");
        await page.Locator("#pool-sim button[type=submit]").ClickAsync();
        await page.Locator("#pool-sim p.error", new PageLocatorOptions { HasText = "0..3" }).WaitForAsync();
        await page.Locator("#pool-sim input[name=size]").FillAsync("2");
        await page.Locator("#pool-sim button[type=submit]").ClickAsync();
        await page.Locator("#pool-sim p.error", new PageLocatorOptions { HasText = "real broker" }).WaitForAsync();
        Assert.Contains("max 3", await page.Locator("#pool-sim dl").InnerTextAsync(), StringComparison.Ordinal);
        await SaveAsync(page, "pools");
    }

    [Fact]
    public async Task Form_PostedWithoutAntiforgeryToken_IsRefused()
    {
        var response = await fixture.SignedIn.APIRequest.PostAsync($"{fixture.Server}/ui/rules/test", new APIRequestContextOptions
        {
            Form = fixture.SignedIn.APIRequest.CreateFormData().Append("event", "{\"tag\": \"a/b\"}"),
        });

        Assert.Equal(400, response.Status);
    }

    [Fact]
    public async Task Ui_WithoutTheToken_AsksForItOnceAndKeepsAStrictHttpOnlyCookie()
    {
        await using var context = await fixture.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync($"{fixture.Server}/ui/minions");

        Assert.Contains("/ui/login", page.Url, StringComparison.Ordinal);
        Assert.True(await page.Locator("#token").IsVisibleAsync());
        Assert.Empty(await DashboardFixture.SeriousViolationsAsync(page));
        await SaveAsync(page, "login");
        await page.FillAsync("#token", "not-the-token");
        await page.ClickAsync("button[type=submit]");
        Assert.Contains("not this reactor's token", await page.Locator(".error").InnerTextAsync(), StringComparison.Ordinal);

        await page.FillAsync("#token", DashboardFixture.Token);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync($"{fixture.Server}/ui/minions");
        var cookie = (await context.CookiesAsync()).Single(c => c.Name == "eventreactor_ui");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.DoesNotContain(DashboardFixture.Token, cookie.Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/ui/", "overview")]
    [InlineData("/ui/minions", "minions")]
    [InlineData("/ui/minions/bench-00", "minion")]
    [InlineData("/ui/events", "events")]
    [InlineData("/ui/rules", "rules-page")]
    [InlineData("/ui/jobs", "jobs")]
    [InlineData("/ui/pools", "pools")]
    [InlineData("/ui/bench", "bench-runs")]
    [InlineData("/ui/bench/runs/run-0000", "bench-run-page")]
    [InlineData("/ui/bench/compare?suite=matmul&by=cpu.model&a=run-0000&b=run-0001", "bench-compare-page")]
    public async Task Page_Rendered_HasNoSeriousOrCriticalAccessibilityViolations(string path, string name)
    {
        var page = await fixture.OpenAsync(path);

        var violations = await DashboardFixture.SeriousViolationsAsync(page);

        await SaveAsync(page, $"a11y-{name}");
        Assert.Empty(violations);
    }

    private async Task<IPage> OpenLiveAsync()
    {
        var page = await fixture.OpenAsync($"/ui/events?tag={Uri.EscapeDataString(DieGlob)}");
        await page.WaitForSelectorAsync("#live[data-live=true]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 10_000 });
        return page;
    }

    private static async Task ReloadUntilAsync(IPage page, Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"the page never showed what was expected:\n{await page.InnerTextAsync("main")}");
            await Task.Delay(250);
            await page.ReloadAsync();
        }
    }

    private async Task SaveAsync(IPage page, string name)
    {
        var path = await DashboardFixture.ScreenshotAsync(page, name);
        output.WriteLine($"screenshot: {path}");
    }
}
