using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EventReactor.IntegrationTests.Infrastructure;

namespace EventReactor.IntegrationTests;

/// <summary><c>eventreactor up</c>: reactor and minion in one process, against the real Docker engine.</summary>
[Collection(ServicesCollection.Name)]
public sealed class UpTests(ServicesFixture services)
{
    [Fact]
    public async Task Up_ContainerExitsNonZero_WatchPrintsIntegerExitWithinFiveSeconds()
    {
        using var workspace = new TestWorkspace();
        workspace.WithRules("containers.yaml", Reactors.DiedRule($"demo/{workspace.Id}/died", $"er-{workspace.Id}"));
        await using var up = await Reactors.StartUpAsync(workspace, $"it-{workspace.Id}");
        await using var watch = await Reactors.WatchAsync(workspace.Server, $"demo/{workspace.Id}/*");
        var container = $"er-{workspace.Id}";

        await services.RunToExitAsync(container, "sh", "-c", "exit 3");
        var sinceDeath = Stopwatch.StartNew();
        var exitCode = await watch.WaitForExitAsync(TimeSpan.FromSeconds(30));
        sinceDeath.Stop();

        Assert.Equal(0, exitCode);
        using var printed = JsonDocument.Parse(Assert.Single(watch.Stdout));
        var data = printed.RootElement.GetProperty("data");
        Assert.Equal($"demo/{workspace.Id}/died", printed.RootElement.GetProperty("tag").GetString());
        Assert.Equal(JsonValueKind.Number, data.GetProperty("exit").ValueKind);
        Assert.Equal(3, data.GetProperty("exit").GetInt32());
        Assert.Equal(container, data.GetProperty("container").GetString());
        Assert.True(sinceDeath.Elapsed < TimeSpan.FromSeconds(5), $"took {sinceDeath.Elapsed}");
    }

    [Fact]
    public async Task Up_ContainerExitsZero_RuleDoesNotFire()
    {
        using var workspace = new TestWorkspace();
        workspace.WithRules("containers.yaml", Reactors.DiedRule($"demo/{workspace.Id}/died", $"er-{workspace.Id}"));
        await using var up = await Reactors.StartUpAsync(workspace, $"it-{workspace.Id}");
        await using var watch = await Reactors.WatchAsync(workspace.Server, $"demo/{workspace.Id}/*", timeoutSeconds: 3);

        await services.RunToExitAsync($"er-{workspace.Id}", "sh", "-c", "exit 0");

        Assert.Equal(1, await watch.WaitForExitAsync(TimeSpan.FromSeconds(20)));
        Assert.Empty(watch.Stdout);
        Assert.Contains(watch.Stderr, l => l.Contains("timed out", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("rules:\n  - name: x\n    on: a\n    when: event.data.exitCode != )\n    do:\n      - log: { message: hi }\n", "bad.yaml:4:34: CEL")]
    [InlineData("rules:\n  - name: x\n    on: [a, b\n    do: []\n", "bad.yaml:4:")]
    [InlineData("rules:\n  - name: x\n    on: a\n    do:\n      - sms.send: { to: me }\n", "bad.yaml:5:9: unknown action 'sms.send'")]
    public async Task Up_InvalidRuleFile_RefusesToStartWithFileLineColumn(string yaml, string expected)
    {
        using var workspace = new TestWorkspace();
        workspace.WithRules("bad.yaml", yaml);
        await using var up = CliProcess.Start(["up", "--rules", workspace.RulesPath, "--data", workspace.DataPath, "--http", workspace.Server]);

        var exitCode = await up.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        Assert.Contains(up.Stderr, l => l.StartsWith(Path.Combine(workspace.RulesPath, expected), StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostEvents_BadInput_Returns400WithReason()
    {
        using var workspace = new TestWorkspace();
        await using var up = await Reactors.StartUpAsync(workspace, $"it-{workspace.Id}", waitForDocker: false);
        using var http = new HttpClient { BaseAddress = new Uri(workspace.Server) };

        var notJson = await http.PostAsync("/api/events", new StringContent("{not json", Encoding.UTF8, "application/json"));
        var noTag = await http.PostAsJsonAsync("/api/events", new { data = new { a = 1 } });
        var dataNotObject = await http.PostAsJsonAsync("/api/events", new { tag = "x/y", data = 5 });

        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Contains("not valid JSON", await notJson.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noTag.StatusCode);
        Assert.Contains("'tag' is missing", await noTag.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, dataNotObject.StatusCode);
        Assert.Contains("'data' must be a JSON object", await dataNotObject.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EventSend_WithWatchRunning_WatchPrintsTheEvent()
    {
        using var workspace = new TestWorkspace();
        await using var up = await Reactors.StartUpAsync(workspace, $"it-{workspace.Id}", waitForDocker: false);
        await using var watch = await Reactors.WatchAsync(workspace.Server, $"ci/{workspace.Id}/*");

        await using var send = CliProcess.Start(["event", "send", $"ci/{workspace.Id}/finished", """{"build": 42}""", "--server", workspace.Server]);

        Assert.Equal(0, await send.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(0, await watch.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        using var printed = JsonDocument.Parse(Assert.Single(watch.Stdout));
        Assert.Equal(Assert.Single(send.Stdout), printed.RootElement.GetProperty("id").GetString());
        Assert.Equal(42, printed.RootElement.GetProperty("data").GetProperty("build").GetInt32());
    }

    [Fact]
    public async Task Up_NoDockerEngine_LogsOneErrorRetriesAndKeepsServing()
    {
        using var workspace = new TestWorkspace();
        var missing = new Dictionary<string, string> { ["EVENTREACTOR__Minion__Docker"] = "unix:///tmp/eventreactor-no-such-engine.sock" };
        await using var up = await Reactors.StartUpAsync(workspace, $"it-{workspace.Id}", missing, waitForDocker: false);
        await using var watch = await Reactors.WatchAsync(workspace.Server, $"ci/{workspace.Id}/*");

        // Long enough for several reconnect attempts (1 s, 2 s, 4 s backoff).
        await Task.Delay(TimeSpan.FromSeconds(5));
        await using var send = CliProcess.Start(["event", "send", $"ci/{workspace.Id}/ping", "--server", workspace.Server]);

        Assert.Equal(0, await send.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(0, await watch.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.False(up.HasExited);
        var errors = up.Stdout.Concat(up.Stderr).Where(l => l.Contains("is not available", StringComparison.Ordinal)).ToList();
        var error = Assert.Single(errors);
        Assert.Contains("eventreactor-no-such-engine.sock", error, StringComparison.Ordinal);
        Assert.Contains("Retrying", error, StringComparison.Ordinal);
    }
}
