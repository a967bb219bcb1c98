using EventReactor.Contracts.Api;

namespace EventReactor.Reactor.Audit;

/// <summary>
/// The per-rule count both stores run, written once: plain SQL that SQLite and PostgreSQL read alike (both take <c>@name</c>
/// parameters). Migration 21 covers it with <c>audit_by_rule_time</c>: on SQLite <c>(rule, at, ...)</c>, walked in rule
/// order with no sort and no table row read; on PostgreSQL <c>(at) INCLUDE (...)</c> for narrow windows (docs/performance.md).
/// </summary>
internal static class AuditTallySql
{
    private static readonly string Fired = $"outcome IN ('{RuleOutcome.Acted.ToWire()}', '{RuleOutcome.Failed.ToWire()}')";

    /// <summary>Columns: rule, matched, fired, condition errors, throttled, actions run, actions failed, last fired (ms or null).</summary>
    public static readonly string PerRule = $"""
        SELECT rule,
               count(*),
               sum(CASE WHEN {Fired} THEN 1 ELSE 0 END),
               sum(CASE WHEN outcome = '{RuleOutcome.ConditionError.ToWire()}' THEN 1 ELSE 0 END),
               sum(CASE WHEN outcome = '{RuleOutcome.Throttled.ToWire()}' THEN 1 ELSE 0 END),
               sum(actions_run),
               sum(actions_failed),
               max(CASE WHEN {Fired} THEN at END)
        FROM audit
        WHERE at >= @since
        GROUP BY rule
        """;
}
