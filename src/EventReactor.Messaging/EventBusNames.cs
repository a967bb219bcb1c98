namespace EventReactor.Messaging;

/// <summary>The broker entities other services use; documented in the README.</summary>
public static class EventBusNames
{
    /// <summary>Fanout exchange that carries every event as CloudEvents JSON.</summary>
    public const string EventsExchange = "eventreactor.events";

    /// <summary>The reactor's queue, bound to <see cref="EventsExchange"/>.</summary>
    public const string ReactorQueue = "eventreactor.reactor";

    /// <summary>
    /// Where malformed or failed events go, with the reason in <c>MT-Fault-Message</c>: a fanout exchange and a
    /// queue of this name, as MassTransit names them, declared when the reactor starts.
    /// </summary>
    public const string ReactorErrorQueue = ReactorQueue + "_error";
}
