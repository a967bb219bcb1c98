using System.Net.Http.Json;
using System.Text.Json;
using EventReactor.IntegrationTests.Infrastructure;

namespace EventReactor.IntegrationTests;

/// <summary>Commands from a rule to a minion: minion.run, device pass-through, the policy, and the job records.</summary>
[Collection(ServicesCollection.Name)]
public sealed class CommandTests(ServicesFixture services)
{
    private const string RunRule = """
        rules:
          - name: run-on-request
            on: run/*
            do:
              - minion.run:
                  tgt: ${{ event.data.minion }}
                  fun: container.run
                  args:
                    image: ${{ event.data.image }}
                    command: [sh, -c, "ls /dev"]
                    devices: [{ host: /dev/null, container: /dev/fakegpu0 }]
                    network: none
                    wait: true
                    autoRemove: true
        """;

    [Fact]
    public async Task MinionRun_ContainerWithDevice_DeviceExistsAndDeniedImageFailsByPolicy()
    {
        using var workspace = new TestWorkspace();
        workspace.WithRules("run.yaml", RunRule);
        var minion = $"it-{workspace.Id}";
        var policy = new Dictionary<string, string> { ["EVENTREACTOR__Minion__Policy__AllowedImages__0"] = "eventreactor/*" };
        await using var up = await Reactors.StartUpAsync(workspace, minion, policy);
        await WaitPresentAsync(workspace, minion);
        using var http = new HttpClient { BaseAddress = new Uri(workspace.Server) };

        await http.PostAsJsonAsync("/api/events", new { tag = "run/allowed", data = new { minion, image = ServicesFixture.Image } });
        await http.PostAsJsonAsync("/api/events", new { tag = "run/denied", data = new { minion, image = "evil/miner:latest" } });
        var jobs = await WaitForReturnsAsync(workspace, expected: 2);

        var allowed = jobs.Single(j => j.GetProperty("arguments").GetProperty("image").GetString() == ServicesFixture.Image);
        var allowedReturn = Assert.Single(allowed.GetProperty("returns").EnumerateArray());
        Assert.True(allowedReturn.GetProperty("success").GetBoolean(), allowedReturn.GetRawText());
        Assert.Contains("fakegpu0", allowedReturn.GetProperty("return").GetProperty("logs").GetString(), StringComparison.Ordinal);
        var denied = jobs.Single(j => j.GetProperty("arguments").GetProperty("image").GetString() == "evil/miner:latest");
        var deniedReturn = Assert.Single(denied.GetProperty("returns").EnumerateArray());
        Assert.False(deniedReturn.GetProperty("success").GetBoolean());
        Assert.StartsWith("denied by policy: image 'evil/miner:latest' is not in Minion:Policy:AllowedImages", deniedReturn.GetProperty("error").GetString(), StringComparison.Ordinal);

        await using var show = CliProcess.Start(["job", "show", denied.GetProperty("jid").GetString()!, "--server", workspace.Server]);
        Assert.Equal(0, await show.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains(show.Stdout, l => l.Contains($"{minion}: FAILED", StringComparison.Ordinal) && l.Contains("denied by policy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MinionRun_TargetMatchesNoMinion_ActionFailsSayingSo()
    {
        using var workspace = new TestWorkspace();
        workspace.WithRules("run.yaml", RunRule);
        await using var up = await Reactors.StartUpAsync(workspace, $"it-{workspace.Id}", waitForDocker: false);
        await using var stream = await EventStreamClient.ConnectAsync(workspace.Server, "reactor/action/failed");
        using var http = new HttpClient { BaseAddress = new Uri(workspace.Server) };

        await http.PostAsJsonAsync("/api/events", new { tag = "run/nowhere", data = new { minion = "no-such-minion", image = ServicesFixture.Image } });

        var failed = await stream.WaitForAsync(_ => true, TimeSpan.FromSeconds(15), "reactor/action/failed");
        Assert.Contains("matches no present minion", failed.Data.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    private async Task WaitPresentAsync(TestWorkspace workspace, string minion)
    {
        // Any event from the minion makes it present; a container's lifecycle is the surest one on every version.
        await services.RunToExitAsync($"er-{workspace.Id}-hello", "true");
        using var http = new HttpClient { BaseAddress = new Uri(workspace.Server) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var minions = await http.GetFromJsonAsync<JsonElement>("/api/minions");
            if (minions.EnumerateArray().Any(m => m.GetProperty("id").GetString() == minion && m.GetProperty("present").GetBoolean()))
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"minion {minion} never became present");
    }

    private static async Task<List<JsonElement>> WaitForReturnsAsync(TestWorkspace workspace, int expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        var jobs = new List<JsonElement>();
        while (DateTime.UtcNow < deadline)
        {
            await using var list = CliProcess.Start(["jobs", "--json", "--server", workspace.Server]);
            Assert.Equal(0, await list.WaitForExitAsync(TimeSpan.FromSeconds(30)));
            jobs = JsonDocument.Parse(string.Join('\n', list.Stdout)).RootElement.EnumerateArray().ToList();
            if (jobs.Count == expected && jobs.All(j => j.GetProperty("returns").GetArrayLength() == 1))
            {
                return jobs;
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"expected {expected} jobs with returns; have {JsonSerializer.Serialize(jobs)}");
    }
}
