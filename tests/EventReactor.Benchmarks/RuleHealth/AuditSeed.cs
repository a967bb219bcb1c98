using EventReactor.Contracts.Api;

namespace EventReactor.Benchmarks.RuleHealth;

/// <summary>
/// A week of audit generated in the database by one statement (a row per evaluation, rules in turn, times spread
/// evenly), so that seeding a million rows takes seconds: per 20 evaluations 10 acted, 1 failed (its second action),
/// 4 condition-false, 1 condition-error, 2 throttled, 2 duplicate. The action columns hold what the store would write.
/// </summary>
internal static class AuditSeed
{
    public static readonly TimeSpan Span = TimeSpan.FromDays(7);

    private const string Done = """[{"action":"log","location":"r.yaml:3:9","arguments":null,"status":"done","result":"ok","error":null,"attempts":1,"durationMs":0.1}]""";
    private const string Failed = """[{"action":"log","location":"r.yaml:3:9","arguments":null,"status":"done","result":"ok","error":null,"attempts":1,"durationMs":0.1},{"action":"http.post","location":"r.yaml:4:9","arguments":null,"status":"failed","result":null,"error":"503","attempts":3,"durationMs":9}]""";

    /// <summary>SELECT of (event_id, event_tag, rule, location, outcome, detail, actions, at, duration_us, actions_run, actions_failed) over <c>n</c>.</summary>
    public static string Select(string numbers, long rows, int rules, DateTimeOffset end)
    {
        var start = (end - Span).ToUnixTimeMilliseconds();
        var step = Span.TotalMilliseconds / rows;
        var k = $"(n / {rules} % 20)";
        var outcome = $"""
            CASE WHEN {k} < 10 THEN '{RuleOutcome.Acted.ToWire()}' WHEN {k} = 10 THEN '{RuleOutcome.Failed.ToWire()}'
                 WHEN {k} < 15 THEN '{RuleOutcome.ConditionFalse.ToWire()}' WHEN {k} = 15 THEN '{RuleOutcome.ConditionError.ToWire()}'
                 WHEN {k} < 18 THEN '{RuleOutcome.Throttled.ToWire()}' ELSE '{RuleOutcome.Duplicate.ToWire()}' END
            """;
        return $"""
            SELECT 'e' || n, 'app/deploy', 'rule-' || (n % {rules}), 'r.yaml:1:3', {outcome}, NULL,
                   CASE WHEN {k} < 10 THEN '{Done}' WHEN {k} = 10 THEN '{Failed}' ELSE '[]' END,
                   {start} + CAST(n * {step.ToString(System.Globalization.CultureInfo.InvariantCulture)} AS BIGINT), 100,
                   CASE WHEN {k} < 10 THEN 1 WHEN {k} = 10 THEN 2 ELSE 0 END,
                   CASE WHEN {k} = 10 THEN 1 ELSE 0 END
            FROM {numbers}
            """;
    }
}
