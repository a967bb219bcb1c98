namespace EventReactor.Contracts.Api;

/// <summary>The answer of <c>GET /api/status</c>: one look at a running reactor.</summary>
/// <param name="StartedAt">When the reactor's process started.</param>
/// <param name="UptimeSeconds">Whole seconds since then.</param>
/// <param name="Rules">The rules in force.</param>
/// <param name="Minions">How many minions are present and lost.</param>
/// <param name="OutstandingJobs">Jobs some minion has not returned yet.</param>
/// <param name="RecentFailures">The latest rule evaluations that failed or whose condition could not be evaluated, newest first.</param>
/// <param name="FlaggedRules">Rules in force whose health is flagged over the default window (<c>eventreactor rules stats</c>).</param>
public sealed record ReactorStatus(
    DateTimeOffset StartedAt,
    double UptimeSeconds,
    RulesStatus Rules,
    MinionCounts Minions,
    int OutstandingJobs,
    IReadOnlyList<AuditRecord> RecentFailures,
    int FlaggedRules);
