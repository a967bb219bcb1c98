namespace EventReactor.Messaging;

/// <summary>
/// On the in-memory bus (<c>up</c>) nobody outside the process follows events, and the reactor already chained what
/// it emitted: there is nothing to publish, and every event counts as delivered.
/// </summary>
internal sealed class LocalEmittedEventPublisher : IEmittedEventPublisher
{
    public Task<bool[]> PublishAsync(IReadOnlyList<SerializedEvent> events, CancellationToken cancellationToken) =>
        Task.FromResult(Enumerable.Repeat(true, events.Count).ToArray());
}
