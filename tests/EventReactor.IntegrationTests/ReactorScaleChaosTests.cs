using System.Globalization;
using System.Text.RegularExpressions;
using EventReactor.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace EventReactor.IntegrationTests;

/// <summary>
/// Issue #15's chaos tests at scale: three reactor processes on one PostgreSQL database (a fresh one per test) and the
/// 3-node RabbitMQ cluster of deploy/dev/cluster.sh (a virtual host of the test's own, each reactor given every node
/// starting from a different one), 5,000 events from plain AMQP publishers across 50 minions, and a failure in the middle
/// of the stream. Every event must be acted on exactly once, counted by the reactions' ids as the reactors committed them
/// (<see cref="CommittedReactions"/>), not by what reached the broker.
/// </summary>
[Collection(BrokerClusterCollection.Name)]
public sealed partial class ReactorScaleChaosTests(BrokerClusterFixture broker, ITestOutputHelper output)
{
    private const int Minions = 50;
    private const int PerMinion = 100;
    private const int Total = Minions * PerMinion;
    private const int Publishers = 4;
    private const double PublishRate = 250;
    private const string Rule = "scale";

    // Short leases, so that a killed reactor's claims and singleton work are taken over within seconds.
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan LeaseRenewEvery = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxStall = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(10);

    // The work that runs on one reactor at a time (docs/scale-out.md, "What is leased").
    private static readonly string[] Singletons = ["PresenceMonitor", "PoolReconciler", "BenchmarkRunner", "RuleAnnouncements"];

    private static readonly Dictionary<string, string> Environment = new()
    {
        // Six partitions: two for each of three reactors, so that each holds some when one is killed.
        ["EVENTREACTOR__Reactor__Partitions"] = "6",
        ["EVENTREACTOR__Reactor__Leases__Duration"] = LeaseDuration.ToString("c", CultureInfo.InvariantCulture),
        ["EVENTREACTOR__Reactor__Leases__RenewEvery"] = LeaseRenewEvery.ToString("c", CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task ThreeReactors_OneKilledAThirdOfTheWayThrough5000Events_EachActedOnOnceNoStallOver15sSurvivorsHoldItsLeases()
    {
        await using var virtualHost = await broker.CreateVirtualHostAsync(Guid.NewGuid().ToString("N")[..10]);
        await using var cluster = await ScaleCluster.StartAsync(Rule, Environment, virtualHost);
        var publishers = new PacedPublishers();
        var publishing = publishers.RunAsync(virtualHost, cluster.EventTag, Publishers, Minions, PerMinion, PublishRate);

        // Kill the reactor holding the singleton work once a third of the events are done and every reactor has acted
        // (it was given partitions), so that both its partitions and its leases must move.
        var acted = await cluster.WaitForAsync("a third of the events done and every reactor acting", async () =>
        {
            var owners = await cluster.ActingReactorsAsync();
            return owners.Count == cluster.Processes.Count && await cluster.DoneAsync() >= Total / 3 ? owners : null;
        });
        var victim = await cluster.SingletonHolderAsync(Singletons);
        var held = await cluster.LeasesOfAsync(victim);
        victim.Crash();
        var killedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var doneAtKill = await cluster.DoneAsync();
        Assert.False(publishing.IsCompleted, "the stream ended before the kill");
        output.WriteLine($"killed pid {victim.Id} (leases {string.Join(", ", held.Keys)}) with {doneAtKill} of {Total} done; reactors acting: {string.Join(", ", acted)}");
        await publishing;
        var survivors = cluster.Processes.Where(r => r != victim).ToList();

        // Every event is claimed once in the ledger and none is left running: the killed reactor's running claims were
        // taken over once its liveness lease ran out.
        var claims = await cluster.WaitAllDoneAsync(Total);
        Assert.Equal(publishers.Published.Order(StringComparer.Ordinal), claims.Keys.Order(StringComparer.Ordinal));

        // Exactly one reaction per event, by the ids of the events the reactions fired, as committed with their claims.
        var reactions = await cluster.Reactions.ByCauseAsync(cluster.FiredTag);
        ExactlyOnce.AssertEach(publishers.Published, reactions);

        // The audit agrees: no event audited as acted twice, and each acted audit names the committed reaction. (The
        // killed reactor's last audit batch may be missing: it is written after the claims commit.)
        var audited = await cluster.WaitAuditedAsync(Total * 9 / 10);
        Assert.Equal(audited.Count, audited.Select(r => r[0]).Distinct(StringComparer.Ordinal).Count());
        var disagreeing = audited.Where(r => FiredId().Match(r[1]) is not { Success: true } m || !reactions[r[0]].Contains(m.Groups[1].Value)).Select(r => r[0]).ToList();
        Assert.True(disagreeing.Count == 0, $"the audit names another reaction than the one committed for {string.Join(',', disagreeing.Take(20))}");

        // No partition stalled: a minion's events share one partition, so the largest gap between consecutive completions
        // of one minion's events after the kill bounds its partition's stall (the publishers send each minion an event
        // every 0.2 s, so a gap is the partition waiting, not the publisher).
        var (minion, stall) = LargestGapAfter(claims, killedAt);
        output.WriteLine($"largest gap after the kill: {stall} ms (minion {minion}); overall: {LargestGapAfter(claims.ToDictionary(c => c.Key, c => c.Value), killedAt, perMinion: false).Gap} ms");
        Assert.True(stall < MaxStall.TotalMilliseconds, $"minion {minion}'s partition stalled {stall} ms after the kill");

        // The survivors hold every lease the killed reactor held, each under a new epoch.
        foreach (var (lease, epoch) in held)
        {
            var (holder, newEpoch) = await cluster.WaitLeaseMovedAsync(lease, victim, LeaseDuration + LeaseRenewEvery + TimeSpan.FromSeconds(6));
            Assert.Contains(holder, survivors.Select(s => s.Id));
            Assert.True(newEpoch > epoch, $"lease {lease} kept epoch {epoch} after the takeover");
        }

        Assert.True(victim.HasExited, "the killed reactor still runs");
    }

    [Fact]
    public async Task ThreeReactors_PostgresRestartedWith10sDownMidStream_RetryAndActOnEveryEventOnce()
    {
        const int perMinion = 60;

        // A server of the test's own, so that stopping it stops no other test's database.
        await using var postgres = await PrivatePostgresServer.StartAsync();
        await using var virtualHost = await broker.CreateVirtualHostAsync(Guid.NewGuid().ToString("N")[..10]);
        await using var cluster = await ScaleCluster.StartAsync(Rule, Environment, virtualHost, postgresPort: postgres.Port);
        var publishers = new PacedPublishers();
        var publishing = publishers.RunAsync(virtualHost, cluster.EventTag, Publishers, Minions, perMinion, PublishRate);
        await cluster.WaitForAsync("a third of the events done", async () => await cluster.DoneAsync() >= Minions * perMinion / 3 ? "started" : null);

        // The server is shut down (every session ends), stays down 10 s, and starts again on the same data.
        await postgres.StopAsync();
        try
        {
            Assert.False(publishing.IsCompleted, "the stream ended before the outage");
            await Task.Delay(Outage);
        }
        finally
        {
            await postgres.StartAgainAsync();
        }

        await publishing;
        var claims = await cluster.WaitAllDoneAsync(Minions * perMinion);
        Assert.Equal(publishers.Published.Order(StringComparer.Ordinal), claims.Keys.Order(StringComparer.Ordinal));
        ExactlyOnce.AssertEach(publishers.Published, await cluster.Reactions.ByCauseAsync(cluster.FiredTag));
        Assert.All(cluster.Processes, reactor => Assert.False(reactor.HasExited, $"reactor {reactor.Id} exited:\n{reactor.Output}"));
    }

    // The largest gap between consecutive completions after the kill, per minion (the id's prefix) or over all events.
    private static (string Minion, long Gap) LargestGapAfter(IReadOnlyDictionary<string, long> completions, long killedAt, bool perMinion = true)
    {
        var largest = (Minion: string.Empty, Gap: 0L);
        foreach (var group in completions.GroupBy(c => perMinion ? c.Key.Split('-')[0] : string.Empty))
        {
            var times = group.Select(c => c.Value).Order().ToList();
            for (var i = 1; i < times.Count; i++)
            {
                if (times[i] > killedAt && times[i] - Math.Max(times[i - 1], killedAt) > largest.Gap)
                {
                    largest = (group.Key, times[i] - Math.Max(times[i - 1], killedAt));
                }
            }
        }

        return largest;
    }

    // An action's audit: "status":"done","result":"fired <tag> (<id>)".
    [GeneratedRegex(@"""status"":""done"",""result"":""fired [^""]* \(([0-9a-f]+)\)""")]
    private static partial Regex FiredId();
}
