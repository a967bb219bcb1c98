namespace EventReactor.Contracts.Api;

/// <summary>The answer of <c>POST /api/rules/replay</c>: what the candidate rules would have done differently over the window. Nothing was executed.</summary>
/// <param name="From">The window's start.</param>
/// <param name="To">The window's end.</param>
/// <param name="Events">Journaled events replayed, chained ones included.</param>
/// <param name="Chained">Of those, events fired by rules and replayed as part of a chain.</param>
/// <param name="Skipped">Events not replayed because the live reactor refused them (untrusted or rejected sender).</param>
/// <param name="Added">Reactions the candidate would add.</param>
/// <param name="Removed">Reactions the candidate would no longer have.</param>
/// <param name="Changed">Reactions both have, with other rendered arguments.</param>
/// <param name="NowErroring">Conditions that error with the candidate and did not live.</param>
public sealed record ReplayReport(
    DateTimeOffset From,
    DateTimeOffset To,
    long Events,
    long Chained,
    long Skipped,
    IReadOnlyList<ReplayDifference> Added,
    IReadOnlyList<ReplayDifference> Removed,
    IReadOnlyList<ReplayDifference> Changed,
    IReadOnlyList<ReplayDifference> NowErroring);
