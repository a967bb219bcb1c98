using System.Diagnostics;
using System.Text.Json;
using EventReactor.IntegrationTests.Infrastructure;

namespace EventReactor.IntegrationTests;

/// <summary><c>eventreactor reactor</c> and <c>eventreactor minion</c> as two processes over the real RabbitMQ.</summary>
[Collection(ServicesCollection.Name)]
public sealed class DaemonTests(ServicesFixture services)
{
    [Fact]
    public async Task ReactorAndMinion_OverRabbitMq_ContainerExitReachesWatchWithIntegerExit()
    {
        using var workspace = new TestWorkspace();
        var minionId = $"it-{workspace.Id}";
        workspace.WithRules("containers.yaml", Reactors.DiedRule($"demo/{workspace.Id}/died", $"er-{workspace.Id}", minionId));
        await using var reactor = CliProcess.Start(["reactor", "--rules", workspace.RulesPath, "--data", workspace.DataPath, "--http", workspace.Server, "--bus", ServicesFixture.RabbitMqUrl]);
        await Reactors.WaitHealthyAsync(reactor, workspace.Server);
        await using var minion = CliProcess.Start(["minion", "--id", minionId, "--bus", ServicesFixture.RabbitMqUrl, "--data", Path.Combine(workspace.DataPath, "minion")], await Enrollment.EnvironmentAsync(workspace.Server));
        await Enrollment.WaitAcceptedAsync(minion);
        await minion.WaitForLineAsync(l => l.Contains("Watching Docker engine", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "the minion watching Docker");
        await using var watch = await Reactors.WatchAsync(workspace.Server, $"demo/{workspace.Id}/*");
        var container = $"er-{workspace.Id}";

        await services.RunToExitAsync(container, "sh", "-c", "exit 3");
        var sinceDeath = Stopwatch.StartNew();
        var exitCode = await watch.WaitForExitAsync(TimeSpan.FromSeconds(30));
        sinceDeath.Stop();

        Assert.True(exitCode == 0, $"watch exited {exitCode}:\n{watch.Output}\nreactor:\n{reactor.Output}\nminion:\n{minion.Output}");
        using var printed = JsonDocument.Parse(Assert.Single(watch.Stdout));
        var data = printed.RootElement.GetProperty("data");
        Assert.Equal(3, data.GetProperty("exit").GetInt32());
        Assert.Equal(JsonValueKind.Number, data.GetProperty("exit").ValueKind);
        Assert.Equal(container, data.GetProperty("container").GetString());
        Assert.Equal(1, printed.RootElement.GetProperty("depth").GetInt32());
        Assert.True(sinceDeath.Elapsed < TimeSpan.FromSeconds(5), $"took {sinceDeath.Elapsed}");
    }
}
