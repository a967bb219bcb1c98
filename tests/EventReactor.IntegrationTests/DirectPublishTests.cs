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
/// The bus's direct publishers (RabbitMQ.Client beside MassTransit, issue #8) against the real broker: what any AMQP
/// client bound to the events exchange receives, in order, with the broker's confirms.
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

    /// <summary>A queue of the test's own on the events exchange, read with basic.get.</summary>
    private sealed class BoundQueue(IConnection connection, IChannel channel, string name) : IAsyncDisposable
    {
        public static async Task<BoundQueue> CreateAsync(string vhost)
        {
            var connection = await new ConnectionFactory { HostName = "localhost", VirtualHost = vhost, UserName = "guest", Password = "guest" }.CreateConnectionAsync();
            var channel = await connection.CreateChannelAsync();
            await channel.ExchangeDeclareAsync(EventBusNames.EventsExchange, ExchangeType.Fanout, durable: true, autoDelete: false);
            var queue = await channel.QueueDeclareAsync(string.Empty, durable: false, exclusive: true, autoDelete: true);
            await channel.QueueBindAsync(queue.QueueName, EventBusNames.EventsExchange, string.Empty);
            return new BoundQueue(connection, channel, queue.QueueName);
        }

        public async Task<IReadOnlyList<(IReadOnlyBasicProperties Properties, byte[] Body)>> ReadAsync(int count, TimeSpan timeout)
        {
            var received = new List<(IReadOnlyBasicProperties, byte[])>();
            using var deadline = new CancellationTokenSource(timeout);
            while (received.Count < count)
            {
                var message = await channel.BasicGetAsync(name, autoAck: true, deadline.Token);
                if (message is null)
                {
                    await Task.Delay(20, deadline.Token);
                    continue;
                }

                received.Add((message.BasicProperties, message.Body.ToArray()));
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
