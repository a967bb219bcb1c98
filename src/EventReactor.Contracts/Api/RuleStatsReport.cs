namespace EventReactor.Contracts.Api;

/// <summary>The answer of <c>GET /api/rules/stats</c>: every rule in force and its health over a window of the audit.</summary>
/// <param name="Since">The start of the window.</param>
/// <param name="Until">When the report was made (the end of the window).</param>
/// <param name="Rules">The rules in force, in the order they are evaluated.</param>
/// <param name="Flagged">How many rules have at least one flag.</param>
public sealed record RuleStatsReport(DateTimeOffset Since, DateTimeOffset Until, IReadOnlyList<RuleStats> Rules, int Flagged);
