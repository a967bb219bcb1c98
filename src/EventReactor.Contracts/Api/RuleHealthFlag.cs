namespace EventReactor.Contracts.Api;

/// <summary>One reason a rule looks unhealthy over a window of its audit.</summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Detail">The numbers behind it, for a person: <c>condition errors on 9 of 10 matches</c>.</param>
/// <param name="ActionIndex">For <see cref="RuleHealthFlagKind.FailingAction"/>, the action's position in the rule (0-based); null otherwise.</param>
public sealed record RuleHealthFlag(RuleHealthFlagKind Kind, string Detail, int? ActionIndex = null);
