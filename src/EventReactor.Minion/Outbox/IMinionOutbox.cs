using EventReactor.Contracts;

namespace EventReactor.Minion.Outbox;

/// <summary>
/// Where every event the minion produces goes: stored on disk, then published by <see cref="OutboxDrainer"/>, the only
/// minion part that holds the bus, so that no event can be published around the outbox.
/// </summary>
internal interface IMinionOutbox
{
    /// <summary>Stores the event; completes once it is on disk, not once the broker has it.</summary>
    Task AppendAsync(EventEnvelope envelope, CancellationToken cancellationToken);
}
