using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using EventReactor.Contracts;
using Polly;
using Polly.Retry;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace EventReactor.IntegrationTests.Infrastructure;

/// <summary>
/// Several plain AMQP publishers (RabbitMQ.Client, a connection and a confirming channel each), as services other than
/// the minions publish: each sends the events of its share of the minions, round by round, with the partition header a
/// minion's publisher sets, at a steady rate in all. Event ids are <c>m&lt;minion&gt;-&lt;n&gt;</c>, so that a test
/// can tell each event's minion from its id. On a broker of several nodes publisher p connects to node p first and, when
/// a publish is not confirmed (its node stopped), connects to the next node that answers and publishes that event again,
/// as a careful client does: the broker may then hold it twice, and the reactors must act on it once.
/// </summary>
internal sealed class PacedPublishers
{
    private static readonly ResiliencePipeline Reconnect = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = 150,
            Delay = TimeSpan.FromMilliseconds(200),
            ShouldHandle = new PredicateBuilder().Handle<AlreadyClosedException>().Handle<OperationInterruptedException>()
                .Handle<BrokerUnreachableException>().Handle<PublishException>().Handle<IOException>(),
        })
        .Build();

    private readonly ConcurrentQueue<string> _published = new();
    private int _republished;

    public IReadOnlyCollection<string> Published => _published;

    /// <summary>How many publishes were not confirmed and were sent again after reconnecting.</summary>
    public int Republished => _republished;

    /// <summary>
    /// Publishes <paramref name="perMinion"/> events for each of <paramref name="minions"/> minions under
    /// <c>&lt;tagPrefix&gt;/m&lt;minion&gt;</c>, or fewer when <paramref name="stop"/> is cancelled first: then each
    /// publisher finishes the event in hand and sends no more.
    /// </summary>
    public Task RunAsync(RabbitVirtualHost broker, string tagPrefix, int publishers, int minions, int perMinion, double eventsPerSecond, CancellationToken stop = default) =>
        Task.WhenAll(Enumerable.Range(0, publishers).Select(p => Task.Run(() => PublishShareAsync(
            broker, p, tagPrefix, [.. Enumerable.Range(0, minions).Where(m => m % publishers == p)], perMinion, eventsPerSecond / publishers, stop))));

    private async Task PublishShareAsync(RabbitVirtualHost broker, int publisher, string tagPrefix, int[] minions, int perMinion, double eventsPerSecond, CancellationToken stop)
    {
        var factory = new ConnectionFactory { VirtualHost = broker.Name, UserName = "guest", Password = "guest" };
        var nodes = Enumerable.Range(0, broker.Ports.Count).Select(i => new AmqpTcpEndpoint("localhost", broker.Ports[(publisher + i) % broker.Ports.Count])).ToList();
        IConnection? connection = null;
        IChannel? channel = null;
        try
        {
            var clock = Stopwatch.StartNew();
            var sent = 0;
            for (var n = 0; n < perMinion; n++)
            {
                foreach (var minion in minions)
                {
                    if (stop.IsCancellationRequested)
                    {
                        return;
                    }

                    var id = $"m{minion}-{n:D4}";
                    var envelope = EventEnvelope.Create($"{tagPrefix}/m{minion}", "/test/publisher", EventData.ToElement(new { n })) with { Id = id };
                    var properties = new BasicProperties
                    {
                        ContentType = "application/json",
                        Persistent = true,
                        MessageId = id,
                        Headers = new Dictionary<string, object?> { ["eventreactor-partition"] = $"m{minion}" },
                    };
                    var body = Encoding.UTF8.GetBytes(CloudEventJson.Serialize(envelope));
                    var attempt = 0;
                    await Reconnect.ExecuteAsync(async token =>
                    {
                        if (attempt++ > 0)
                        {
                            Interlocked.Increment(ref _republished);
                            await CloseQuietlyAsync(channel, connection);
                            (channel, connection) = (null, null);
                        }

                        connection ??= await factory.CreateConnectionAsync(nodes, token);
                        channel ??= await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), token);
                        await channel.BasicPublishAsync("eventreactor.events", RoutingKeys.FromTag(envelope.Tag), true, properties, body, token);
                    });
                    _published.Enqueue(id);

                    // Keep to the rate: the next event is due at sent / rate seconds from the start.
                    var due = TimeSpan.FromSeconds(++sent / eventsPerSecond) - clock.Elapsed;
                    if (due > TimeSpan.Zero)
                    {
                        await Task.Delay(due, CancellationToken.None);
                    }
                }
            }
        }
        finally
        {
            await CloseQuietlyAsync(channel, connection);
        }
    }

    private static async Task CloseQuietlyAsync(IChannel? channel, IConnection? connection)
    {
        foreach (var disposable in new IAsyncDisposable?[] { channel, connection })
        {
            try
            {
                if (disposable is not null)
                {
                    await disposable.DisposeAsync();
                }
            }
            catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or IOException or ObjectDisposedException)
            {
                // Already gone with its node.
            }
        }
    }
}
