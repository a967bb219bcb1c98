using System.Diagnostics;
using System.Globalization;
using EventReactor.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace EventReactor.IntegrationTests;

/// <summary>
/// Issue #15's broker chaos test: three reactor processes on one PostgreSQL database and the 3-node RabbitMQ cluster of
/// deploy/dev/cluster.sh, each reactor given every node's address starting from a different one, 5,000 events from plain
/// AMQP publishers (also spread over the nodes), and one node stopped for 20 s a third of the way through, then started
/// again. The node stopped is the one leading the most partition queues (the broker places the leaders; the test prints
/// where), so that their leadership must move; a reactor and one or two publishers connect to it first and must move too.
/// Beside the publishers, three real minions (one starting from each node, so one is on the node stopped) report the
/// deaths of containers run on the shared engine throughout. Nothing may be lost and nothing doubled, counted by the
/// committed reactions' ids.
/// </summary>
[Collection(BrokerClusterCollection.Name)]
public sealed class BrokerNodeChaosTests(BrokerClusterFixture broker, ServicesFixture services, ITestOutputHelper output) : IClassFixture<ServicesFixture>
{
    private const int Minions = 50;
    private const int PerMinion = 100;
    private const int Total = Minions * PerMinion;
    private const int Publishers = 4;
    private const double PublishRate = 250;
    private const string Rule = "nodes";

    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(20);

    private static readonly Dictionary<string, string> Environment = new()
    {
        ["EVENTREACTOR__Reactor__Partitions"] = "6",

        // The PostgreSQL server is shared with other test runs (max_connections 100): 30 for the three reactors at most.
        ["EVENTREACTOR__Reactor__StateConnections"] = "10",
        ["EVENTREACTOR__Reactor__Leases__Duration"] = TimeSpan.FromSeconds(4).ToString("c", CultureInfo.InvariantCulture),
        ["EVENTREACTOR__Reactor__Leases__RenewEvery"] = TimeSpan.FromSeconds(1).ToString("c", CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task ThreeReactorsOnA3NodeCluster_OneNodeStopped20sAThirdOfTheWayThrough5000Events_NothingLostNothingDoubled()
    {
        var started = Stopwatch.StartNew();
        await using var virtualHost = await broker.CreateVirtualHostAsync(Guid.NewGuid().ToString("N")[..10]);
        await using var cluster = await ScaleCluster.StartAsync(Rule, Environment, virtualHost);
        await using var minions = await ClusterMinions.StartAsync(cluster.MinionPrefix, virtualHost, cluster.Server);
        var publishers = new PacedPublishers();
        var publishing = publishers.RunAsync(virtualHost, cluster.EventTag, Publishers, Minions, PerMinion, PublishRate);
        var containers = RunContainersUntilAsync(cluster.MinionPrefix, publishing);
        await cluster.WaitForAsync("a third of the events published and every reactor acting", async () =>
        {
            var acting = await cluster.ActingReactorsAsync();
            return acting.Count == cluster.Processes.Count && publishers.Published.Count >= Total / 3 ? acting : null;
        });

        Assert.False(publishing.IsCompleted, "the stream ended before the node stopped");
        var leaders = await broker.LeadersAsync(virtualHost.Name, "eventreactor.reactor.");
        var node = Enumerable.Range(1, BrokerClusterFixture.Ports.Count).MaxBy(n => leaders.Values.Count(l => l == BrokerClusterFixture.NodeName(n)));
        output.WriteLine($"partition queue leaders: {string.Join(", ", leaders.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key} on {l.Value}"))}; stopping node {node}");
        var (publishedAtStop, doneAtStop) = (publishers.Published.Count, await cluster.DoneAsync());

        // The node is down for 20 s once its shutdown has finished (SIGTERM; it closes its listeners first).
        var outage = Stopwatch.StartNew();
        await broker.StopNodeAsync(node);
        var shutdownTook = outage.Elapsed;
        try
        {
            await Task.Delay(Outage);
        }
        finally
        {
            await broker.StartNodeAsync(node);
        }

        output.WriteLine($"node {BrokerClusterFixture.NodeName(node)} stopped with {publishedAtStop} of {Total} published and {doneAtStop} done; its shutdown took " +
            $"{shutdownTook.TotalSeconds:F1} s, it was down {Outage.TotalSeconds:F0} s, back after {outage.Elapsed.TotalSeconds:F1} s; {await cluster.DoneAsync()} done by then; " +
            $"leaders after: {string.Join(", ", (await broker.LeadersAsync(virtualHost.Name, "eventreactor.reactor.")).Values.GroupBy(l => l, StringComparer.Ordinal).Select(g => $"{g.Count()} on {g.Key}"))}; " +
            $"cluster started here in {broker.StartTook.TotalSeconds:F0} s");
        await publishing;
        var ran = await containers;
        var claims = await cluster.WaitAllDoneAsync(Total);

        // Nothing lost: every event the publishers had confirmed was claimed and done, and each minion's report of each
        // container's death. Nothing doubled: one committed reaction each, though a publisher cut off with its node
        // published its unconfirmed event again, and the minion on it sent its outbox again from the next node.
        Assert.Equal(publishers.Published.Order(StringComparer.Ordinal), claims.Keys.Order(StringComparer.Ordinal));
        var deaths = await cluster.WaitMinionDeathsDoneAsync(minions.Ids, ran);
        ExactlyOnce.AssertEach([.. publishers.Published, .. deaths.Select(d => d.Event)], await cluster.Reactions.ByCauseAsync(cluster.FiredTag));
        Assert.All(minions.Processes, minion => Assert.False(minion.HasExited, $"minion {minion.Id} exited:\n{minion.Output}"));
        output.WriteLine($"{ran.Count} containers died while the stream ran; {deaths.Count} deaths reported by {minions.Ids.Count} minions, each acted on once");
        Assert.All(cluster.Processes, reactor => Assert.False(reactor.HasExited, $"reactor {reactor.Id} exited:\n{reactor.Output}"));
        output.WriteLine($"{publishers.Republished} publishes sent again after a reconnect; test took {started.Elapsed.TotalSeconds:F0} s");
    }

    // Containers that exit at once, one after another on the shared engine, until the stream has been published.
    private async Task<List<string>> RunContainersUntilAsync(string prefix, Task publishing)
    {
        var names = new List<string>();
        while (!publishing.IsCompleted)
        {
            var name = $"{prefix}-c{names.Count}";
            await services.RunToExitAsync(name, "sh", "-c", "exit 3");
            names.Add(name);
            await Task.Delay(200);
        }

        return names;
    }
}
