namespace EventReactor.Messaging;

/// <summary>
/// Publishes many serialized events at once and says which the broker confirmed: the events go out back to back in
/// order and their confirms are awaited together, rather than one round trip each.
/// </summary>
public interface IEventBatchPublisher
{
    /// <summary>
    /// One flag per event, in order: true once the broker confirmed it. Throws when nothing could be sent (no
    /// connection); an event whose flag is false may still have reached the broker, so it is sent again with its id.
    /// </summary>
    Task<bool[]> PublishAsync(IReadOnlyList<SerializedEvent> events, CancellationToken cancellationToken);
}
