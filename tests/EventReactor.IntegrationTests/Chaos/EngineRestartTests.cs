using EventReactor.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace EventReactor.IntegrationTests.Chaos;

/// <summary>The engine restarts under running containers: the minion reconnects and reconciles what the stream lost.</summary>
[Collection(ChaosCollection.Name)]
public sealed class EngineRestartTests(ChaosServices chaos, ITestOutputHelper output)
{
    private const int Containers = 5;

    [Fact]
    public async Task Minion_EngineRestartedUnderRunningContainers_ReconnectsReconcilesAndEmitsEachDieOnce()
    {
        using var workspace = new TestWorkspace();
        var minionId = $"chaos-{workspace.Id}";
        await using var queue = await EventQueue.CreateAsync($"chaos-{workspace.Id}");
        await using var minion = await ChaosMinion.StartAsync(minionId, workspace.DataPath);
        var running = new List<string>();
        for (var n = 0; n < Containers; n++)
        {
            running.Add(await chaos.StartAsync($"er-{workspace.Id}-{n}", CancellationToken.None, "sleep", "600"));
        }

        await queue.ReadUntilAsync(r => running.All(c => ContainerEvents.Of(r, minionId, "start").Any(e => ContainerEvents.ContainerId(e) == c)), TimeSpan.FromSeconds(30), "the containers' starts");

        await chaos.RestartEngineAsync();
        await queue.ReadUntilAsync(r => ContainerEvents.HasDiesFor(r, minionId, running), TimeSpan.FromSeconds(60), $"die events for all {Containers} containers");
        var dies = ContainerEvents.DiesByContainer(queue.Received, minionId);
        output.WriteLine($"{queue.Received.Count} events; {dies.Values.Count(d => d.Any(ContainerEvents.IsReconciled))} dies reconciled\n{minion.Output}");

        Assert.All(running, container =>
        {
            var die = Assert.Single(dies[container]);
            Assert.NotEqual(0, die.Data.GetProperty("exitCode").GetInt32());
        });
        // Caught up once at start and once after the restart: a replay from the last event seen, then reconciliation.
        Assert.True(minion.Stdout.Count(l => l.Contains("Caught up with the engine", StringComparison.Ordinal)) >= 2, $"the minion did not reconnect and reconcile:\n{minion.Output}");
    }
}
