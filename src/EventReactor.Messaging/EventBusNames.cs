namespace EventReactor.Messaging;

/// <summary>The broker entities other services use; documented in docs/events.md.</summary>
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

    /// <summary>The reactor's queue, bound to <see cref="EventsExchange"/> with <c>#</c>: it never receives what the reactor emits.</summary>
    public const string ReactorQueue = "eventreactor.reactor";

    /// <summary>
    /// Where malformed or failed events go, with the reason in <c>MT-Fault-Message</c>: a fanout exchange and a
    /// queue of this name, as MassTransit names them, declared when the reactor starts.
    /// </summary>
    public const string ReactorErrorQueue = ReactorQueue + "_error";

    /// <summary>The binding pattern that matches every routing key, the empty one included.</summary>
    public const string EveryKey = "#";
}
