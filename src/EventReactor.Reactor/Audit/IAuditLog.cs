using EventReactor.Contracts.Api;

namespace EventReactor.Reactor.Audit;

/// <summary>Where rule evaluations are recorded; recording never blocks event handling.</summary>
public interface IAuditLog
{
    void Record(AuditRecord record);

    /// <summary>Every evaluation recorded for the event, in the order they happened.</summary>
    Task<IReadOnlyList<AuditRecord>> ForEventAsync(string eventId, CancellationToken cancellationToken);

    /// <summary>The latest evaluations that failed or whose condition could not be evaluated, newest first.</summary>
    Task<IReadOnlyList<AuditRecord>> RecentProblemsAsync(int limit, CancellationToken cancellationToken);
}
