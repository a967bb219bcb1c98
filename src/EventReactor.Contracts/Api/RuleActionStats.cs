namespace EventReactor.Contracts.Api;

/// <summary>How one action of a rule fared over a window of the audit.</summary>
/// <param name="Index">The action's position in the rule (0-based).</param>
/// <param name="Action">The action's name, such as <c>event.fire</c>.</param>
/// <param name="Location">Where the action is written: <c>file:line:column</c>.</param>
/// <param name="Failures">How many times it failed after its retries.</param>
public sealed record RuleActionStats(int Index, string Action, string Location, long Failures);
