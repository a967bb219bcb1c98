namespace EventReactor.Messaging;

/// <summary>The broker entities other services use; documented in docs/events.md and docs/scale-out.md.</summary>
public static class EventBusNames
{
    /// <summary>
    /// The ingress: a topic exchange where minions, services and plain AMQP clients publish events as CloudEvents JSON,
    /// with the routing key of <see cref="Contracts.RoutingKeys.FromTag"/> (an empty key still reaches the reactor).
    /// </summary>
    public const string EventsExchange = "eventreactor.events";

    /// <summary>
    /// Every event: a topic exchange that receives <see cref="EventsExchange"/> (bound with <c>#</c>) and what the reactor
    /// itself emits. Services bind their own queues here by tag pattern.
    /// </summary>
    public const string AllExchange = "eventreactor.all";

    /// <summary>
    /// Where the reactors' events are split: a consistent-hash exchange (plugin <c>rabbitmq_consistent_hash_exchange</c>)
    /// bound to <see cref="EventsExchange"/> with <c>#</c>, hashing <see cref="PartitionHeader"/> onto the
    /// <see cref="PartitionQueue"/>s, so that one minion's events always reach the same queue.
    /// </summary>
    public const string PartitionExchange = "eventreactor.partitions";

    /// <summary>The header holding <see cref="Contracts.PartitionKeys.FromTag"/>; an event without it lands in one fixed partition.</summary>
    public const string PartitionHeader = "eventreactor-partition";

    /// <summary>The reactor's queue on the in-memory bus (<c>up</c>); on RabbitMQ the prefix of the <see cref="PartitionQueue"/>s.</summary>
    public const string ReactorQueue = "eventreactor.reactor";

    /// <summary>
    /// Membership: a quorum queue that every reactor on RabbitMQ consumes and nothing is sent to, so that its consumer count
    /// is how many reactors share the partitions.
    /// </summary>
    public const string ReactorsQueue = "eventreactor.reactors";

    /// <summary>
    /// Where malformed or failed events go, with the reason in <c>MT-Fault-Message</c>: a fanout exchange and a
    /// queue of this name, as MassTransit names them, declared when the reactor starts.
    /// </summary>
    public const string ReactorErrorQueue = ReactorQueue + "_error";

    /// <summary>The binding pattern that matches every routing key, the empty one included.</summary>
    public const string EveryKey = "#";

    /// <summary>
    /// Partition <paramref name="index"/>'s queue (<c>eventreactor.reactor.0</c>, ...): durable, quorum, with a single active
    /// consumer, so that the broker gives it to one reactor at a time and to another when that one goes.
    /// </summary>
    public static string PartitionQueue(int index) => $"{ReactorQueue}.{index}";
}
