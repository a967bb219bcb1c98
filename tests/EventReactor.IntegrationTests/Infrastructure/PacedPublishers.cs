using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using EventReactor.Contracts;
using RabbitMQ.Client;

namespace EventReactor.IntegrationTests.Infrastructure;

/// <summary>
/// Several plain AMQP publishers (RabbitMQ.Client, a connection and a confirming channel each), as services other than
/// the minions publish: each sends the events of its share of the minions, round by round, with the partition header a
/// minion's publisher sets, at a steady rate in all. Event ids are <c>m&lt;minion&gt;-&lt;n&gt;</c>, so that a test
/// can tell each event's minion from its id.
/// </summary>
internal sealed class PacedPublishers
{
    private readonly ConcurrentQueue<string> _published = new();

    public IReadOnlyCollection<string> Published => _published;

    /// <summary>Publishes <paramref name="perMinion"/> events for each of <paramref name="minions"/> minions under <c>&lt;tagPrefix&gt;/m&lt;minion&gt;</c>.</summary>
    public Task RunAsync(string virtualHost, string tagPrefix, int publishers, int minions, int perMinion, double eventsPerSecond) =>
        Task.WhenAll(Enumerable.Range(0, publishers).Select(p => Task.Run(() => PublishShareAsync(
            virtualHost, tagPrefix, [.. Enumerable.Range(0, minions).Where(m => m % publishers == p)], perMinion, eventsPerSecond / publishers))));

    private async Task PublishShareAsync(string virtualHost, string tagPrefix, int[] minions, int perMinion, double eventsPerSecond)
    {
        var factory = new ConnectionFactory { HostName = "localhost", VirtualHost = virtualHost, UserName = "guest", Password = "guest" };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var clock = Stopwatch.StartNew();
        var sent = 0;
        for (var n = 0; n < perMinion; n++)
        {
            foreach (var minion in minions)
            {
                var id = $"m{minion}-{n:D4}";
                var envelope = EventEnvelope.Create($"{tagPrefix}/m{minion}", "/test/publisher", EventData.ToElement(new { n })) with { Id = id };
                var properties = new BasicProperties
                {
                    ContentType = "application/json",
                    Persistent = true,
                    MessageId = id,
                    Headers = new Dictionary<string, object?> { ["eventreactor-partition"] = $"m{minion}" },
                };
                await channel.BasicPublishAsync("eventreactor.events", RoutingKeys.FromTag(envelope.Tag), true, properties, Encoding.UTF8.GetBytes(CloudEventJson.Serialize(envelope)));
                _published.Enqueue(id);

                // Keep to the rate: the next event is due at sent / rate seconds from the start.
                var due = TimeSpan.FromSeconds(++sent / eventsPerSecond) - clock.Elapsed;
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due);
                }
            }
        }
    }
}
