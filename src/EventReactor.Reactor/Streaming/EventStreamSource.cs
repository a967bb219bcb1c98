namespace EventReactor.Reactor.Streaming;

/// <summary>Where live watchers' events come from: one source per bus, so that a watcher sees each event once.</summary>
internal enum EventStreamSource
{
    /// <summary>The events this reactor processes (the in-memory bus: one process sees everything).</summary>
    Processed,

    /// <summary>
    /// <c>eventreactor.all</c> on RabbitMQ: every event, whichever reactor processed it, so that any reactor serves
    /// <c>events watch</c> for all of them (docs/scale-out.md).
    /// </summary>
    Bus,
}
