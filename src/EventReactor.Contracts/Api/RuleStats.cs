namespace EventReactor.Contracts.Api;

/// <summary>One rule in force and what the audit recorded of it over a window.</summary>
/// <param name="Rule">The rule's name.</param>
/// <param name="Location">Where the rule is written: <c>file:line:column</c>.</param>
/// <param name="Matched">Events whose tag matched the rule (every audited evaluation).</param>
/// <param name="Fired">Evaluations in which the rule acted (<c>acted</c> or <c>failed</c>).</param>
/// <param name="ConditionErrors">Evaluations whose condition could not be evaluated.</param>
/// <param name="Throttled">Evaluations its throttle held back.</param>
/// <param name="ActionsRun">Actions that ran (not counting those skipped as already done on a redelivery).</param>
/// <param name="ActionFailures">Actions that failed after their retries.</param>
/// <param name="LastFired">When the rule last acted in the window; null when it did not.</param>
/// <param name="Actions">The rule's actions, in order, with their failures.</param>
/// <param name="Flags">Why the rule looks unhealthy; empty when it does not.</param>
public sealed record RuleStats(
    string Rule,
    string Location,
    long Matched,
    long Fired,
    long ConditionErrors,
    long Throttled,
    long ActionsRun,
    long ActionFailures,
    DateTimeOffset? LastFired,
    IReadOnlyList<RuleActionStats> Actions,
    IReadOnlyList<RuleHealthFlag> Flags);
