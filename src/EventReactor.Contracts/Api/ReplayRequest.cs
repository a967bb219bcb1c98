namespace EventReactor.Contracts.Api;

/// <summary>The body of <c>POST /api/rules/replay</c>: which rules to replay against which part of the journal.</summary>
/// <param name="Window">How far back from now: a whole number followed by s, m, h or d, such as <c>24h</c>.</param>
/// <param name="Tag">Only events whose tag matches this glob (the events they chain to follow them); null for every event.</param>
/// <param name="Files">The candidate rule set; null or empty replays the rule files on the reactor's disk.</param>
public sealed record ReplayRequest(string Window, string? Tag, IReadOnlyList<RuleFileText>? Files);
