namespace EventReactor.Messaging;

/// <summary>The broker entities other services use; documented in the README.</summary>
public static class EventBusNames
{
    /// <summary>Fanout exchange that carries every event as CloudEvents JSON.</summary>
    public const string EventsExchange = "eventreactor.events";

    /// <summary>The reactor's queue, bound to <see cref="EventsExchange"/>.</summary>
    public const string ReactorQueue = "eventreactor.reactor";
}
