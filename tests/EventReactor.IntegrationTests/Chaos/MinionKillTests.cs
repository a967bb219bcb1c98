using EventReactor.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace EventReactor.IntegrationTests.Chaos;

/// <summary>The minion is killed while containers run: after its restart, what happened meanwhile arrives.</summary>
[Collection(ChaosCollection.Name)]
public sealed class MinionKillTests(ChaosServices chaos, ITestOutputHelper output)
{
    // Three events each (create, start, die): more than the 256 the engine keeps, so the oldest must be reconciled.
    private const int Containers = 100;

    [Fact]
    public async Task Minion_KilledWhileContainersExit_AfterRestartEveryDieArrivesOnceReconciledWhereTheEngineForgot()
    {
        using var workspace = new TestWorkspace();
        var minionId = $"chaos-{workspace.Id}";
        await using var queue = await EventQueue.CreateAsync($"chaos-{workspace.Id}");
        string longRunner;
        await using (var first = await ChaosMinion.StartAsync(minionId, workspace.DataPath))
        {
            longRunner = await chaos.StartAsync($"er-{workspace.Id}-long", CancellationToken.None, "sleep", "600");
            await queue.ReadUntilAsync(r => ContainerEvents.Of(r, minionId, "start").Any(e => ContainerEvents.ContainerId(e) == longRunner), TimeSpan.FromSeconds(30), "the long runner's start");
        }

        // Disposing killed the first minion with SIGKILL: no shutdown, whatever it had in memory is gone.
        await chaos.Docker.Containers.KillContainerAsync(longRunner, new Docker.DotNet.Models.ContainerKillParameters());
        var exits = await chaos.RunToExitAsync($"er-{workspace.Id}", Containers, parallelism: 8, n => (n % 50) + 1);
        await using var second = await ChaosMinion.StartAsync(minionId, workspace.DataPath);
        var expected = exits.Keys.Append(longRunner).ToList();
        await queue.ReadUntilAsync(r => ContainerEvents.HasDiesFor(r, minionId, expected), TimeSpan.FromSeconds(60), $"die events for all {expected.Count} containers");
        var dies = ContainerEvents.DiesByContainer(queue.Received, minionId);
        output.WriteLine($"{queue.Received.Count} events, {dies.Values.Count(d => ContainerEvents.IsReconciled(d[0]))} dies reconciled, {ContainerEvents.WireDuplicates(queue.Received)} wire duplicates");

        Assert.Equal(expected.Count, dies.Count);
        Assert.All(exits, exit => Assert.Equal(exit.Value, Assert.Single(dies[exit.Key]).Data.GetProperty("exitCode").GetInt32()));
        var longDie = Assert.Single(dies[longRunner]);
        Assert.True(ContainerEvents.IsReconciled(longDie), "the long runner's die was older than what the engine keeps, so it must be reconciled");
        Assert.Equal(137, longDie.Data.GetProperty("exitCode").GetInt32());
        Assert.Contains(second.Stdout, l => l.Contains("Caught up with the engine", StringComparison.Ordinal) && !l.Contains(" 0 missed", StringComparison.Ordinal));
    }
}
