using System.Net.Sockets;
using EventReactor.Contracts;
using EventReactor.Messaging.Resilience;
using EventReactor.Messaging.Telemetry;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Registry;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace EventReactor.Messaging.Direct;

/// <summary>
/// The one way events reach RabbitMQ: raw CloudEvents JSON with RabbitMQ.Client, the routing key from the tag
/// (<see cref="RoutingKeys"/>), on one channel with confirms, so that publishes in flight at once share the broker's
/// (multiple) confirms and the socket's writes. Ingress (<see cref="IEventPublisher"/>, <see cref="IEventBatchPublisher"/>)
/// goes to <see cref="EventBusNames.EventsExchange"/>; what the reactor emitted (<see cref="IEmittedEventPublisher"/>)
/// to <see cref="EventBusNames.AllExchange"/>.
/// </summary>
internal sealed partial class DirectEventPublisher(IDirectPublishChannel channel, ResiliencePipelineProvider<string> pipelines, ILogger<DirectEventPublisher> logger)
    : IEventPublisher, IEventBatchPublisher, IEmittedEventPublisher
{
    private const string ContentType = "application/json";
    private readonly ResiliencePipeline _waitForBroker = pipelines.GetPipeline(ResiliencePipelineNames.DirectPublish);

    /// <summary>Waits for the broker while the connection is down, until cancelled; a nack throws.</summary>
    public async Task PublishAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        envelope = EventReactorTelemetry.Stamp(envelope);
        var json = CloudEventJson.SerializeToUtf8Bytes(envelope);
        var routingKey = RoutingKeys.FromTag(envelope.Tag);
        var hooks = new RetryHooks
        {
            Transient = IsConnectionFailure,
            OnRetry = (failure, delay) => LogWaiting(logger, envelope.Id, failure?.GetBaseException().Message ?? string.Empty, delay.TotalMilliseconds),
        };
        await _waitForBroker.RunAsync(
            async token =>
            {
                var open = await channel.GetAsync(token);
                try
                {
                    await open.BasicPublishAsync(EventBusNames.EventsExchange, routingKey, mandatory: false, Properties(envelope.Id, envelope.Tag, channel.UserId), json, token);
                }
                catch (Exception ex) when (IsConnectionFailure(ex))
                {
                    channel.Reset(open);
                    throw;
                }
            },
            hooks,
            cancellationToken);
        EventReactorTelemetry.EventsPublished.Add(1, EventReactorTelemetry.TagPrefix(envelope.Tag));
    }

    public Task<bool[]> PublishAsync(IReadOnlyList<SerializedEvent> events, CancellationToken cancellationToken) =>
        PublishAsync(EventBusNames.EventsExchange, events, cancellationToken);

    Task<bool[]> IEmittedEventPublisher.PublishAsync(IReadOnlyList<SerializedEvent> events, CancellationToken cancellationToken) =>
        PublishAsync(EventBusNames.AllExchange, events, cancellationToken);

    private async Task<bool[]> PublishAsync(string exchange, IReadOnlyList<SerializedEvent> events, CancellationToken cancellationToken)
    {
        var open = await channel.GetAsync(cancellationToken);

        // All sent back to back before any confirm is awaited: the broker confirms them in a few multiple-acks.
        var pending = new Task[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            pending[i] = open.BasicPublishAsync(exchange, RoutingKeys.FromTag(events[i].Tag), mandatory: false, Properties(events[i].Id, events[i].Tag, channel.UserId), events[i].Json, cancellationToken).AsTask();
        }

        var confirmed = new bool[events.Count];
        var broken = false;
        for (var i = 0; i < pending.Length; i++)
        {
            try
            {
                await pending[i];
                confirmed[i] = true;
                EventReactorTelemetry.EventsPublished.Add(1, EventReactorTelemetry.TagPrefix(events[i].Tag));
            }
            catch (Exception ex) when (ex is OperationCanceledException or PublishException || IsConnectionFailure(ex))
            {
                // Not confirmed (nacked, timed out or the connection went): the caller sends it again.
                broken |= ex is not PublishException;
            }
        }

        if (broken)
        {
            channel.Reset(open);
        }

        return confirmed;
    }

    // user_id names the connection's user, and the broker refuses a message whose user_id is not: the reactor reads it
    // as the validated sender (issue #14, identity on the bus). The partition header keeps one minion's events on one
    // partition queue (docs/scale-out.md).
    private static BasicProperties Properties(string id, string tag, string userId) => new()
    {
        Persistent = true,
        ContentType = ContentType,
        MessageId = id,
        UserId = userId,
        Headers = new Dictionary<string, object?> { [EventBusNames.PartitionHeader] = PartitionKeys.FromTag(tag) },
    };

    // A channel disposed under a publish was dropped by Reset after another publish failed: as transient as that failure.
    private bool IsConnectionFailure(Exception ex) =>
        ex is OperationInterruptedException or BrokerUnreachableException or ConnectFailureException or IOException or SocketException or TimeoutException
        || (ex is ObjectDisposedException && !channel.IsDisposed);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Publishing event {EventId} waits for the broker ({Reason}); next try in {DelayMs} ms")]
    private static partial void LogWaiting(ILogger logger, string eventId, string reason, double delayMs);
}
