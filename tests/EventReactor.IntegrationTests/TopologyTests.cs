using System.Text;
using EventReactor.Contracts;
using EventReactor.IntegrationTests.Infrastructure;
using RabbitMQ.Client;

namespace EventReactor.IntegrationTests;

/// <summary>
/// The bus topology the reactor declares (issue #13) on the real broker: services bind their own queues to
/// <c>eventreactor.all</c> by tag pattern and see the reactor's own events too; an older fanout exchange stops the
/// reactor with how to fix it. Each test has a virtual host of its own.
/// </summary>
[Collection(ServicesCollection.Name)]
public sealed class TopologyTests
{
    [Fact]
    public async Task ServiceQueue_BoundByTagPattern_ReceivesOnlyMatchingEventsIncludingTheReactorsOwn()
    {
        using var workspace = new TestWorkspace();
        workspace.WithRules("chain.yaml", """
            rules:
              - name: restart-after-build
                on: ci/build/finished
                do:
                  - event.fire: { tag: minion/m2/docker/container/restart }
            """);
        await using var vhost = await RabbitVirtualHost.CreateAsync(workspace.Id);
        await using var reactor = CliProcess.Start(["reactor", "--rules", workspace.RulesPath, "--data", workspace.DataPath, "--http", workspace.Server, "--bus", vhost.Url]);

        // Published with mandatory: the reactor's queue must be bound first, which readiness (the bus's endpoint) says.
        await Reactors.WaitReadyAsync(reactor, workspace.Server);
        await using var connection = await Factory(vhost).CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var queue = await BindServiceQueueAsync(channel, "minion.*.docker.#");

        var die = EventEnvelope.Create("minion/m1/docker/container/die", "/minion/m1", minion: "m1");
        await PublishAsync(channel, EventEnvelope.Create("minion/m1/heartbeat", "/minion/m1", minion: "m1"));
        await PublishAsync(channel, die);
        var build = EventEnvelope.Create("ci/build/finished", "/ci");
        await PublishAsync(channel, build);

        var received = await ReadAsync(channel, queue, count: 2, TimeSpan.FromSeconds(20));
        await Task.Delay(500);
        Assert.Null(await channel.BasicGetAsync(queue, autoAck: true));
        Assert.Equal(["minion.m1.docker.container.die", "minion.m2.docker.container.restart"], received.Select(r => r.RoutingKey).Order(StringComparer.Ordinal));
        var fired = CloudEventJson.Deserialize(received.Single(r => r.RoutingKey.EndsWith("restart", StringComparison.Ordinal)).Body);
        Assert.Equal(build.Id, fired.CausedBy);
        Assert.Equal(fired.Id, received.Single(r => r.RoutingKey.EndsWith("restart", StringComparison.Ordinal)).MessageId);
        Assert.Equal(die.Id, CloudEventJson.Deserialize(received.Single(r => r.RoutingKey.EndsWith("die", StringComparison.Ordinal)).Body).Id);
    }

    [Fact]
    public async Task Reactor_EventsExchangeLeftAsFanoutByAnOlderVersion_StopsNamingTheExchangeAndTheFix()
    {
        using var workspace = new TestWorkspace();
        await using var vhost = await RabbitVirtualHost.CreateAsync(workspace.Id);
        await using (var connection = await Factory(vhost).CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            await channel.ExchangeDeclareAsync("eventreactor.events", ExchangeType.Fanout, durable: true, autoDelete: false);
        }

        await using var reactor = CliProcess.Start(["reactor", "--rules", workspace.RulesPath, "--data", workspace.DataPath, "--http", workspace.Server, "--bus", vhost.Url]);

        await reactor.WaitForExitAsync(TimeSpan.FromSeconds(60));
        Assert.True(reactor.HasExited, "the reactor kept running on a fanout eventreactor.events");
        Assert.Contains("exchange 'eventreactor.events' exists on the broker with another type than topic", reactor.Output, StringComparison.Ordinal);
        Assert.Contains("rabbitmqadmin", reactor.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LiveStream_NobodyWatching_NoQueueOnAllUntilAWatcherComesThenItSeesEvents()
    {
        using var workspace = new TestWorkspace();
        await using var vhost = await RabbitVirtualHost.CreateAsync(workspace.Id);
        await using var reactor = CliProcess.Start(["reactor", "--rules", workspace.RulesPath, "--data", workspace.DataPath, "--http", workspace.Server, "--bus", vhost.Url]);
        await Reactors.WaitReadyAsync(reactor, workspace.Server);

        // Bound for good, that queue brought every event on the bus back into the reactor with nobody to show it to.
        Assert.Empty(await BoundToAllAsync(vhost));

        await using var watcher = await EventStreamClient.ConnectAsync(workspace.Server, "test/*");
        Assert.Single(await BoundToAllAsync(vhost));
        await using var connection = await Factory(vhost).CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var sent = EventEnvelope.Create("test/watched", "/test");
        await PublishAsync(channel, sent);

        await watcher.WaitForAsync(e => e.Id == sent.Id, TimeSpan.FromSeconds(20), "event published right after the watcher's headers");
    }

    // MassTransit binds a receive endpoint's exchange, named as its queue, to the exchanges it subscribes to.
    private static async Task<string[]> BoundToAllAsync(RabbitVirtualHost vhost)
    {
        var bindings = await RabbitVirtualHost.RabbitMqCtlAsync("-q", "list_bindings", "-p", vhost.Name, "source_name", "destination_name");
        return [.. bindings.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('\t'))
            .Where(columns => columns is ["eventreactor.all", _])
            .Select(columns => columns[1])];
    }

    private static ConnectionFactory Factory(RabbitVirtualHost vhost) => new() { HostName = "localhost", UserName = "guest", Password = "guest", VirtualHost = vhost.Name };

    // What the README shows a service doing: its own queue on eventreactor.all, bound by tag pattern.
    private static async Task<string> BindServiceQueueAsync(IChannel channel, string pattern)
    {
        await channel.ExchangeDeclareAsync("eventreactor.all", ExchangeType.Topic, durable: true, autoDelete: false);
        var queue = await channel.QueueDeclareAsync(string.Empty, durable: false, exclusive: true, autoDelete: true);
        await channel.QueueBindAsync(queue.QueueName, "eventreactor.all", pattern);
        return queue.QueueName;
    }

    private static async Task PublishAsync(IChannel channel, EventEnvelope envelope)
    {
        var properties = new BasicProperties { ContentType = "application/json", Persistent = true, MessageId = envelope.Id };
        await channel.BasicPublishAsync("eventreactor.events", RoutingKeys.FromTag(envelope.Tag), true, properties, Encoding.UTF8.GetBytes(CloudEventJson.Serialize(envelope)));
    }

    private static async Task<List<(string RoutingKey, string? MessageId, byte[] Body)>> ReadAsync(IChannel channel, string queue, int count, TimeSpan timeout)
    {
        var received = new List<(string, string?, byte[])>();
        var deadline = DateTime.UtcNow + timeout;
        while (received.Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"only {received.Count} of {count} events reached the service's queue");
            var message = await channel.BasicGetAsync(queue, autoAck: true);
            if (message is null)
            {
                await Task.Delay(50);
                continue;
            }

            received.Add((message.RoutingKey, message.BasicProperties.MessageId, message.Body.ToArray()));
        }

        return received;
    }
}
