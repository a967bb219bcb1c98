using System.Diagnostics;
using EventReactor.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace EventReactor.IntegrationTests.Chaos;

/// <summary>The broker goes away while containers run: the minion keeps its events in the outbox and drains them later.</summary>
[Collection(ChaosCollection.Name)]
public sealed class BrokerOutageTests(ChaosServices chaos, ITestOutputHelper output)
{
    private const int Containers = 200;

    [Fact]
    public async Task Minion_BrokerStopped20sWhile200ContainersExit_EveryDieArrivesOnceInOrderPerContainer()
    {
        using var workspace = new TestWorkspace();
        var minionId = $"chaos-{workspace.Id}";
        await using var queue = await EventQueue.CreateAsync($"chaos-{workspace.Id}");
        await using var minion = await ChaosMinion.StartAsync(minionId, workspace.DataPath);

        await chaos.StopBrokerAsync();
        var away = Stopwatch.StartNew();
        var running = chaos.RunToExitAsync($"er-{workspace.Id}", Containers, parallelism: 8, n => n % 100);

        // Back after 20 s whether or not all containers are done: the outbox then drains while new events keep coming.
        await Task.Delay(TimeSpan.FromSeconds(20));
        await chaos.StartBrokerAsync();
        var back = Stopwatch.StartNew();
        var exits = await running;
        var ran = away.Elapsed;
        await queue.ReadUntilAsync(r => ContainerEvents.HasDiesFor(r, minionId, exits.Keys), TimeSpan.FromSeconds(90), $"die events for all {Containers} containers");
        output.WriteLine($"containers ran in {ran}; broker away {away.Elapsed - back.Elapsed}; all dies arrived {back.Elapsed} after it returned; {queue.Received.Count} events, {ContainerEvents.WireDuplicates(queue.Received)} wire duplicates\n{minion.Output}");

        var dies = ContainerEvents.DiesByContainer(queue.Received, minionId);
        Assert.Equal(Containers, dies.Count);
        Assert.All(exits, exit =>
        {
            var die = Assert.Single(dies[exit.Key]);
            Assert.Equal(exit.Value, die.Data.GetProperty("exitCode").GetInt32());
        });
        Assert.All(exits.Keys, container =>
        {
            var actions = ContainerEvents.OfMinion(queue.Received, minionId).DistinctBy(e => e.Id).Where(e => ContainerEvents.ContainerId(e) == container).Select(e => e.Data.GetProperty("action").GetString());
            Assert.Equal(["create", "start", "die"], actions);
        });
        Assert.Contains(minion.Stdout, l => l.Contains("keeping events in the outbox", StringComparison.Ordinal));
    }
}
