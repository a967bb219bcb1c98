namespace EventReactor.Contracts.Api;

/// <summary>The evaluation of one rule whose tag matched one event: the outcome, why, and what its actions did.</summary>
/// <param name="EventId">The event's id.</param>
/// <param name="EventTag">The event's tag.</param>
/// <param name="Rule">The rule's name.</param>
/// <param name="Location">Where the rule is written: <c>file:line:column</c>.</param>
/// <param name="Outcome">What became of the rule.</param>
/// <param name="Detail">Why it did not act, or what failed.</param>
/// <param name="Actions">Its actions, in order.</param>
/// <param name="At">When the event was evaluated.</param>
/// <param name="DurationMs">How long the rule took, actions included.</param>
public sealed record AuditRecord(
    string EventId,
    string EventTag,
    string Rule,
    string Location,
    RuleOutcome Outcome,
    string? Detail,
    IReadOnlyList<ActionAudit> Actions,
    DateTimeOffset At,
    double DurationMs);
