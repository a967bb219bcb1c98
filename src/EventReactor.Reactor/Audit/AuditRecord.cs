namespace EventReactor.Reactor.Audit;

/// <summary>The evaluation of one rule whose tag matched one event: the outcome, why, and what its actions did.</summary>
public sealed record AuditRecord(
    string EventId,
    string EventTag,
    string Rule,
    string Location,
    string Outcome,
    string? Detail,
    IReadOnlyList<ActionAudit> Actions,
    DateTimeOffset At,
    double DurationMs);
