namespace EventReactor.Messaging;

/// <summary>
/// Publishes the events the reactor emitted (from its outbox) to <see cref="EventBusNames.AllExchange"/>, where other
/// services follow them; the reactor's own queue does not receive them, as the reactor chains them in-process. A harness
/// may decorate it to count confirmed reactions.
/// </summary>
public interface IEmittedEventPublisher
{
    /// <summary>
    /// One flag per event, in order: true once the broker confirmed it. Throws when nothing could be sent (no
    /// connection); an event whose flag is false may still have reached the broker, so it is sent again with its id.
    /// </summary>
    Task<bool[]> PublishAsync(IReadOnlyList<SerializedEvent> events, CancellationToken cancellationToken);
}
