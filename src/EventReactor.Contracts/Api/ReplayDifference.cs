namespace EventReactor.Contracts.Api;

/// <summary>A difference between the live rules and the candidate, for one rule's action (or condition), over the window.</summary>
/// <param name="Rule">The rule's name.</param>
/// <param name="Action">The action's name, such as <c>event.fire</c>; null for a condition that now errors.</param>
/// <param name="ActionIndex">The action's position in the rule's <c>do</c> list, from 1; null for a condition.</param>
/// <param name="Events">On how many events it showed.</param>
/// <param name="Examples">The first few of them.</param>
public sealed record ReplayDifference(string Rule, string? Action, int? ActionIndex, int Events, IReadOnlyList<ReplayExample> Examples);
