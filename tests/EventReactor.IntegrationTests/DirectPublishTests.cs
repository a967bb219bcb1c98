using System.Text;
using EventReactor.Contracts;
using EventReactor.IntegrationTests.Infrastructure;
using EventReactor.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RabbitMQ.Client;

namespace EventReactor.IntegrationTests;

/// <summary>
/// The bus's one publish path (RabbitMQ.Client with confirms, issues #8 and #13) against the real broker: what any AMQP
/// client bound to the exchanges receives, in order, with the broker's confirms and the tag's routing key.
/// </summary>
[Collection(ServicesCollection.Name)]
public sealed class DirectPublishTests
{
    private const int Count = 300;

    [Fact]
    public async Task PublishBatch_ManyEvents_AllConfirmedAndDeliveredInOrderAsTheStoredJson()
    {
        await using var vhost = await RabbitVirtualHost.CreateAsync(Guid.NewGuid().ToString("N")[..8]);
        using var host = await StartBusAsync(vhost);
        await using var queue = await BoundQueue.CreateAsync(vhost.Name);
        var events = Enumerable.Range(0, Count).Select(i => EventEnvelope.Create($"test/direct/{i}", "/test")).ToList();
        var serialized = events.Select(e => new SerializedEvent(e.Id, e.Tag, CloudEventJson.SerializeToUtf8Bytes(e))).ToList();

        var confirmed = await host.Services.GetRequiredService<IEventBatchPublisher>().PublishAsync(serialized, CancellationToken.None);

        Assert.All(confirmed, Assert.True);
        var received = await queue.ReadAsync(Count, TimeSpan.FromSeconds(20));
        Assert.Equal(events.Select(e => e.Id), received.Select(r => r.Properties.MessageId));
        Assert.Equal(serialized.Select(s => Encoding.UTF8.GetString(s.Json.Span)), received.Select(r => Encoding.UTF8.GetString(r.Body)));
        Assert.All(received, r => Assert.Equal("application/json", r.Properties.ContentType));
        Assert.All(received, r => Assert.Equal(DeliveryModes.Persistent, r.Properties.DeliveryMode));
        Assert.Equal(events.Select(e => RoutingKeys.FromTag(e.Tag)), received.Select(r => r.RoutingKey));
    }

    [Fact]
    public async Task PublishEmitted_Events_ReachEventreactorAllButNotTheIngress()
    {
        await using var vhost = await RabbitVirtualHost.CreateAsync(Guid.NewGuid().ToString("N")[..8]);
        using var host = await StartBusAsync(vhost);
        await using var all = await BoundQueue.CreateAsync(vhost.Name, EventBusNames.AllExchange);
        await using var ingress = await BoundQueue.CreateAsync(vhost.Name, EventBusNames.EventsExchange);
        var fired = EventEnvelope.Create("reactor/fired/one", "/reactor");

        var confirmed = await host.Services.GetRequiredService<IEmittedEventPublisher>()
            .PublishAsync([new SerializedEvent(fired.Id, fired.Tag, CloudEventJson.SerializeToUtf8Bytes(fired))], CancellationToken.None);

        Assert.True(Assert.Single(confirmed));
        var received = Assert.Single(await all.ReadAsync(1, TimeSpan.FromSeconds(20)));
        Assert.Equal(fired.Id, received.Properties.MessageId);
        Assert.Equal("reactor.fired.one", received.RoutingKey);
        await Task.Delay(500);
        Assert.Null(await ingress.TryGetAsync());
    }

    [Fact]
    public async Task PublishAsync_ConcurrentEvents_EachReturnsConfirmedAndArrivesAsCloudEventsJson()
    {
        await using var vhost = await RabbitVirtualHost.CreateAsync(Guid.NewGuid().ToString("N")[..8]);
        using var host = await StartBusAsync(vhost);
        await using var queue = await BoundQueue.CreateAsync(vhost.Name);
        var publisher = host.Services.GetRequiredService<IEventPublisher>();
        var events = Enumerable.Range(0, Count).Select(i => EventEnvelope.Create($"test/direct/{i}", "/test")).ToList();

        await Task.WhenAll(events.Select(e => Task.Run(() => publisher.PublishAsync(e, CancellationToken.None))));

        var received = await queue.ReadAsync(Count, TimeSpan.FromSeconds(20));
        Assert.Equal(events.Select(e => e.Id).Order(), received.Select(r => CloudEventJson.Deserialize(r.Body).Id).Order());
    }

    private static async Task<IHost> StartBusAsync(RabbitVirtualHost vhost)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Bus:Url"] = vhost.Url });
        builder.AddEventBus();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>A queue of the test's own bound with '#' to one of the topic exchanges, read with basic.get.</summary>
    private sealed class BoundQueue(IConnection connection, IChannel channel, string name) : IAsyncDisposable
    {
        public static async Task<BoundQueue> CreateAsync(string vhost, string exchange = EventBusNames.EventsExchange)
        {
            var connection = await new ConnectionFactory { HostName = "localhost", VirtualHost = vhost, UserName = "guest", Password = "guest" }.CreateConnectionAsync();
            var channel = await connection.CreateChannelAsync();
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: true, autoDelete: false);
            var queue = await channel.QueueDeclareAsync(string.Empty, durable: false, exclusive: true, autoDelete: true);
            await channel.QueueBindAsync(queue.QueueName, exchange, EventBusNames.EveryKey);
            return new BoundQueue(connection, channel, queue.QueueName);
        }

        public async Task<BasicGetResult?> TryGetAsync() => await channel.BasicGetAsync(name, autoAck: true);

        public async Task<IReadOnlyList<(IReadOnlyBasicProperties Properties, byte[] Body, string RoutingKey)>> ReadAsync(int count, TimeSpan timeout)
        {
            var received = new List<(IReadOnlyBasicProperties, byte[], string)>();
            using var deadline = new CancellationTokenSource(timeout);
            while (received.Count < count)
            {
                var message = await channel.BasicGetAsync(name, autoAck: true, deadline.Token);
                if (message is null)
                {
                    await Task.Delay(20, deadline.Token);
                    continue;
                }

                received.Add((message.BasicProperties, message.Body.ToArray(), message.RoutingKey));
            }

            return received;
        }

        public async ValueTask DisposeAsync()
        {
            await channel.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
