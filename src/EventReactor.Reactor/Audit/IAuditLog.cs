namespace EventReactor.Reactor.Audit;

/// <summary>Where rule evaluations are recorded; recording never blocks event handling.</summary>
public interface IAuditLog
{
    void Record(AuditRecord record);

    /// <summary>Every evaluation recorded for the event, in the order they happened.</summary>
    Task<IReadOnlyList<AuditRecord>> ForEventAsync(string eventId, CancellationToken cancellationToken);
}
