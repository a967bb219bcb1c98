using System.Text;
using EventReactor.Contracts;
using RabbitMQ.Client;

namespace EventReactor.EndToEnd;

/// <summary>
/// Plain AMQP publishers (four connections, confirming channels) sending as fast as the broker confirms: events under
/// <c>scale/&lt;minion&gt;</c> for the given number of minions, with the partition header a minion's publisher sets.
/// </summary>
internal static class ScalePublisher
{
    private const int Publishers = 4;

    public static Task PublishAsync(BenchSettings settings, string phase, int count) =>
        Task.WhenAll(Enumerable.Range(0, Publishers).Select(p => Task.Run(async () =>
        {
            await using var connection = await BrokerConnections.OpenAsync(settings, $"scale-publisher-{p}");
            await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
            for (var i = p; i < count; i += Publishers)
            {
                var minion = $"m{i % settings.Minions}";
                var envelope = EventEnvelope.Create($"scale/{minion}", "/bench/scale", EventData.ToElement(new { i })) with { Id = $"{phase}-{i}" };
                var properties = new BasicProperties
                {
                    ContentType = "application/json",
                    Persistent = true,
                    MessageId = envelope.Id,
                    Headers = new Dictionary<string, object?> { ["eventreactor-partition"] = minion },
                };
                await channel.BasicPublishAsync("eventreactor.events", RoutingKeys.FromTag(envelope.Tag), true, properties, Encoding.UTF8.GetBytes(CloudEventJson.Serialize(envelope)));
            }
        })));
}
