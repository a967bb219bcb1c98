using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using EventReactor.Contracts;
using EventReactor.IntegrationTests.Infrastructure;
using RabbitMQ.Client;

namespace EventReactor.IntegrationTests;

/// <summary>
/// Several reactors on one PostgreSQL database and one broker (issue #15): the events are split into partitions by
/// minion, the reactors share the partitions, and when one is killed the other takes its partitions over, and the claims
/// and stored events it left once its liveness lease runs out, with every event acted on exactly once and every event it
/// fired published to eventreactor.all. Each test has a virtual host and a database of its own.
/// </summary>
[Collection(ServicesCollection.Name)]
public sealed partial class PartitionTests
{
    private const int Minions = 6;
    private const int PerMinion = 60;
    private static readonly TimeSpan TakeOver = TimeSpan.FromSeconds(15);

    // Short liveness leases, so that the killed reactor's running claims are taken over within seconds.
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan LeaseRenewEvery = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task TwoReactors_OneKilledMidStream_SplitPartitionsKeepEachMinionInOrderAndActOnEveryEventOnce()
    {
        using var workspace = new TestWorkspace();
        using var second = new TestWorkspace();
        var id = workspace.Id;
        await using var vhost = await RabbitVirtualHost.CreateAsync($"part-{id}");
        await using var database = await TestPostgresDatabase.CreateAsync(id);
        var rules = $$$"""
            rules:
              - name: seq
                on: seq/{{{id}}}/*
                do:
                  - event.fire:
                      tag: seqdone/{{{id}}}
                      data: { n: "${{ event.data.n }}" }
            """;
        workspace.WithRules("seq.yaml", rules);
        second.WithRules("seq.yaml", rules);

        // One event at a time per partition, so that the order the rules see is the order on the queue.
        var environment = new Dictionary<string, string>
        {
            ["EVENTREACTOR__Reactor__Partitions"] = "4",
            ["EVENTREACTOR__Bus__ConcurrentMessageLimit"] = "4",
            ["EVENTREACTOR__Reactor__Leases__Duration"] = LeaseDuration.ToString("c", CultureInfo.InvariantCulture),
            ["EVENTREACTOR__Reactor__Leases__RenewEvery"] = LeaseRenewEvery.ToString("c", CultureInfo.InvariantCulture),
        };
        await using var first = await StartAsync(workspace, vhost, database, environment);
        await using var other = await StartAsync(second, vhost, database, environment);

        await using var connection = await new ConnectionFactory { HostName = "localhost", VirtualHost = vhost.Name, UserName = "guest", Password = "guest" }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));

        // The reactions: each event.fire publishes an event of its own id, caused by the event acted on, to eventreactor.all.
        var reactions = (await channel.QueueDeclareAsync($"test.reactions.{id}", durable: false, exclusive: true, autoDelete: true)).QueueName;
        await channel.QueueBindAsync(reactions, "eventreactor.all", RoutingKeys.FromTag($"seqdone/{id}"));

        // A steady stream (about 12 s), so that the reactors balance while it flows; the first is killed once both have
        // acted (the second was given partitions), about a third of the way in.
        var published = new List<string>();
        var publishing = Task.Run(async () =>
        {
            for (var n = 0; n < PerMinion; n++)
            {
                for (var m = 0; m < Minions; m++)
                {
                    published.Add(await PublishAsync(channel, id, $"m{m}", n));
                }

                await Task.Delay(200);
            }
        });
        await WaitActedAsync(first, "the first reactor to act");
        await WaitActedAsync(other, "the second reactor to be given partitions and act");
        Assert.False(publishing.IsCompleted, "the stream ended before the second reactor was given partitions");
        first.Crash();
        await publishing;
        var lastPublished = DateTime.UtcNow;
        var claims = await WaitAllClaimedAsync(database, published.Count, lastPublished + TakeOver);
        Assert.Equal(published.Order(StringComparer.Ordinal), claims.Select(r => r[0]).Order(StringComparer.Ordinal));

        // Every event is done, those the killed reactor was running at that moment included: the survivor got them again,
        // waited for the killed reactor's liveness lease to run out, took the claims over and acted.
        var done = await WaitAllDoneAsync(database, published.Count, DateTime.UtcNow + LeaseDuration + TakeOver);
        Assert.All(done, r => Assert.Equal("done", r[1]));

        // Every fired event reached eventreactor.all, counted on the broker alone: each event.fire's event has an id of its
        // own, caused by the event acted on, and may be published more than once (a reactor killed between the broker's
        // confirm and its mark), always with the same id. One id per event there is one reaction per event; none is one
        // lost on the way (issue #15: a fired event stored but never published).
        var onBroker = await CollectReactionsAsync(channel, reactions, published.Count, DateTime.UtcNow + TakeOver);
        var missing = published.Except(onBroker.Keys, StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} of {published.Count} fired events never reached eventreactor.all, caused by {string.Join(',', missing)}");
        var doubled = onBroker.Where(r => r.Value.Count != 1).Select(r => $"{r.Key}: {string.Join(',', r.Value)}").ToList();
        Assert.True(doubled.Count == 0, $"acted on more than once: {string.Join("; ", doubled)}");
        Assert.Equal(published.Count, onBroker.Values.SelectMany(ids => ids).Distinct(StringComparer.Ordinal).Count());

        // The audit names the reaction that was published (the killed reactor's last audit batch may be missing).
        foreach (var row in await database.QueryAsync("SELECT event_id, actions FROM audit WHERE rule = 'seq' AND outcome = 'acted'"))
        {
            foreach (Match reaction in FiredId().Matches(row[1]))
            {
                Assert.True(
                    onBroker.TryGetValue(row[0], out var ids) && ids.Contains(reaction.Groups[1].Value),
                    $"the audit of {row[0]} names the reaction {reaction.Groups[1].Value}, which never reached eventreactor.all");
            }
        }

        // Never acted twice, across both reactors: a redelivery after the kill is audited as a duplicate. (The audit is
        // written in batches after the claim commits, so the killed reactor's last batch may be missing.)
        var acted = await database.QueryAsync($"SELECT event_id, at, id FROM audit WHERE rule = 'seq' AND outcome = 'acted' ORDER BY at, id");
        Assert.Equal(acted.Count, acted.Select(r => r[0]).Distinct().Count());
        Assert.True(acted.Count >= published.Count * 9 / 10, $"only {acted.Count} of {published.Count} evaluations were audited");

        // Each minion's events were acted on in the order they were published, by whichever reactor held its partition.
        foreach (var minion in acted.GroupBy(r => r[0].Split('-')[0]))
        {
            var order = minion.Select(r => int.Parse(r[0].Split('-')[1], CultureInfo.InvariantCulture)).ToList();
            Assert.True(order.SequenceEqual(order.Order()), $"minion {minion.Key}'s events were acted on in the order {string.Join(',', order)}");
        }

        Assert.True(first.HasExited, "the first reactor was not killed");
    }

    private static async Task<CliProcess> StartAsync(TestWorkspace workspace, RabbitVirtualHost vhost, TestPostgresDatabase database, IReadOnlyDictionary<string, string> environment)
    {
        var reactor = CliProcess.Start(["reactor", "--rules", workspace.RulesPath, "--data", workspace.DataPath, "--http", workspace.Server, "--bus", vhost.Url, "--state", database.Url], environment);
        await Reactors.WaitReadyAsync(reactor, workspace.Server);
        return reactor;
    }

    // As a minion's publisher does: the partition header names the minion, so that its events share one partition.
    private static async Task<string> PublishAsync(IChannel channel, string id, string minion, int n)
    {
        var envelope = EventEnvelope.Create($"seq/{id}/{minion}", "/test", EventData.ToElement(new { n })) with { Id = $"{minion}-{n:D4}" };
        var properties = new BasicProperties
        {
            ContentType = "application/json",
            Persistent = true,
            MessageId = envelope.Id,
            Headers = new Dictionary<string, object?> { ["eventreactor-partition"] = minion },
        };
        await channel.BasicPublishAsync("eventreactor.events", RoutingKeys.FromTag(envelope.Tag), true, properties, Encoding.UTF8.GetBytes(CloudEventJson.Serialize(envelope)));
        return envelope.Id;
    }

    private static Task WaitActedAsync(CliProcess reactor, string what) =>
        reactor.WaitForLineAsync(l => l.Contains("[seq]", StringComparison.Ordinal) && l.Contains("fired", StringComparison.Ordinal), TakeOver, what);

    // One ledger row per (event, rule, action): the primary key lets a claim win once, whichever reactor makes it.
    private static async Task<List<string[]>> WaitAllClaimedAsync(TestPostgresDatabase database, int count, DateTime deadline)
    {
        while (true)
        {
            var claims = await database.QueryAsync("SELECT event_id, status FROM reactions WHERE rule = 'seq'");
            if (claims.Count >= count || DateTime.UtcNow > deadline)
            {
                Assert.True(claims.Count >= count, $"only {claims.Count} of {count} events were claimed within {TakeOver.TotalSeconds} s of the last publish (one reactor killed)");
                return claims;
            }

            await Task.Delay(250);
        }
    }

    // Waits until no claim is left running (the killed reactor's are taken over once its liveness lease has run out).
    private static async Task<List<string[]>> WaitAllDoneAsync(TestPostgresDatabase database, int count, DateTime deadline)
    {
        while (true)
        {
            var claims = await database.QueryAsync("SELECT event_id, status FROM reactions WHERE rule = 'seq'");
            var running = claims.Where(r => r[1] == "running").Select(r => r[0]).ToList();
            if ((claims.Count >= count && running.Count == 0) || DateTime.UtcNow > deadline)
            {
                Assert.True(running.Count == 0, $"{running.Count} claims were left running: {string.Join(',', running)}");
                return claims;
            }

            await Task.Delay(250);
        }
    }

    // The reactions' ids by the event they were caused by, once every event has one (or the deadline passed).
    private static async Task<Dictionary<string, HashSet<string>>> CollectReactionsAsync(IChannel channel, string queue, int count, DateTime deadline)
    {
        var byCause = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        while (byCause.Count < count && DateTime.UtcNow < deadline)
        {
            var message = await channel.BasicGetAsync(queue, autoAck: true);
            if (message is null)
            {
                await Task.Delay(100);
                continue;
            }

            Add(byCause, message);
        }

        // Anything still queued (a second reaction to an event) is counted too.
        while (await channel.BasicGetAsync(queue, autoAck: true) is { } late)
        {
            Add(byCause, late);
        }

        return byCause;
    }

    private static void Add(Dictionary<string, HashSet<string>> byCause, BasicGetResult message)
    {
        var reaction = CloudEventJson.Deserialize(message.Body.Span);
        Reactions(byCause, reaction.CausedBy ?? throw new InvalidOperationException($"reaction {reaction.Id} names no cause")).Add(reaction.Id);
    }

    private static HashSet<string> Reactions(Dictionary<string, HashSet<string>> byCause, string cause)
    {
        if (!byCause.TryGetValue(cause, out var ids))
        {
            byCause[cause] = ids = new HashSet<string>(StringComparer.Ordinal);
        }

        return ids;
    }

    // An action's audit: "status":"done","result":"fired <tag> (<id>)".
    [GeneratedRegex(@"""status"":""done"",""result"":""fired [^""]* \(([0-9a-f]+)\)""")]
    private static partial Regex FiredId();
}
