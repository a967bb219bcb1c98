namespace EventReactor.Reactor.Audit;

/// <summary>One rule's audit over a window, counted by the store (see <see cref="Contracts.Api.RuleStats"/> for what each count means).</summary>
internal sealed record RuleAuditTally(
    string Rule,
    long Matched,
    long Fired,
    long ConditionErrors,
    long Throttled,
    long ActionsRun,
    long ActionFailures,
    DateTimeOffset? LastFired);
