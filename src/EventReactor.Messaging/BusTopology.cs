using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace EventReactor.Messaging;

/// <summary>
/// Declares the event exchanges, the same way from every process that publishes (minion, reactor), so that any may
/// come first: <see cref="EventBusNames.EventsExchange"/> and <see cref="EventBusNames.AllExchange"/> as durable topic
/// exchanges, the first bound into the second with <c>#</c>.
/// </summary>
public static class BusTopology
{
    private const ushort PreconditionFailed = 406;
    private const ushort CommandInvalid = 503;

    /// <summary>Declares both exchanges and their binding; throws <see cref="BusTopologyException"/> when one exists with another type.</summary>
    public static async Task DeclareEventExchangesAsync(IChannel channel, CancellationToken cancellationToken)
    {
        await DeclareTopicAsync(channel, EventBusNames.EventsExchange, cancellationToken);
        await DeclareTopicAsync(channel, EventBusNames.AllExchange, cancellationToken);
        await channel.ExchangeBindAsync(EventBusNames.AllExchange, EventBusNames.EventsExchange, EventBusNames.EveryKey, cancellationToken: cancellationToken);
    }

    /// <summary>The consistent-hash exchange's type, from the plugin <c>rabbitmq_consistent_hash_exchange</c>.</summary>
    public const string ConsistentHashType = "x-consistent-hash";

    /// <summary>
    /// The arguments of every <see cref="EventBusNames.PartitionQueue"/>: a quorum queue (replicated on a cluster) with a
    /// single active consumer. MassTransit declares the same when it consumes them, so either may come first.
    /// </summary>
    public static IReadOnlyDictionary<string, object?> PartitionQueueArguments { get; } = new Dictionary<string, object?>
    {
        ["x-queue-type"] = "quorum",
        ["x-single-active-consumer"] = true,
    };

    /// <summary>
    /// Declares <see cref="EventBusNames.PartitionExchange"/>, bound to <see cref="EventBusNames.EventsExchange"/> with
    /// <c>#</c>, and <paramref name="partitions"/> partition queues bound to it with equal weight. Idempotent, so every
    /// reactor declares the same at start. Throws <see cref="BusTopologyException"/> when the plugin is not enabled.
    /// </summary>
    public static async Task DeclarePartitionsAsync(IChannel channel, int partitions, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        try
        {
            await channel.ExchangeDeclareAsync(
                EventBusNames.PartitionExchange,
                ConsistentHashType,
                durable: true,
                autoDelete: false,
                arguments: new Dictionary<string, object?> { ["hash-header"] = EventBusNames.PartitionHeader },
                cancellationToken: cancellationToken);
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode is CommandInvalid or PreconditionFailed)
        {
            throw new BusTopologyException(
                $"the broker refused the exchange '{EventBusNames.PartitionExchange}' of type {ConsistentHashType} ({ex.ShutdownReason?.ReplyText}); "
                + "enable its plugin once with `rabbitmq-plugins enable rabbitmq_consistent_hash_exchange` (deploy/dev/services.sh does) and start again",
                ex);
        }

        await channel.ExchangeBindAsync(EventBusNames.PartitionExchange, EventBusNames.EventsExchange, EventBusNames.EveryKey, cancellationToken: cancellationToken);
        for (var i = 0; i < partitions; i++)
        {
            var queue = EventBusNames.PartitionQueue(i);
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments: new Dictionary<string, object?>(PartitionQueueArguments), cancellationToken: cancellationToken);

            // For a consistent-hash exchange the binding key is the queue's weight: equal shares.
            await channel.QueueBindAsync(queue, EventBusNames.PartitionExchange, routingKey: "1", cancellationToken: cancellationToken);
        }
    }

    private static async Task DeclareTopicAsync(IChannel channel, string name, CancellationToken cancellationToken)
    {
        try
        {
            await channel.ExchangeDeclareAsync(name, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == PreconditionFailed)
        {
            // Versions before the topic topology declared eventreactor.events as a fanout; the broker refuses to change a type.
            throw new BusTopologyException(
                $"the exchange '{name}' exists on the broker with another type than topic (a fanout from an older EventReactor); "
                + $"delete it once, e.g. `rabbitmqadmin --vhost=<vhost> delete exchange name={name}`, and start again: it is declared anew as a topic exchange "
                + "and the reactor binds its queue to it (see docs/events.md, Upgrading)",
                ex);
        }
    }
}
