using EventReactor.Contracts.Api;
using EventReactor.Core.Rules;

namespace EventReactor.Core.Evaluation;

/// <summary>The evaluation of one rule against one event: its outcome, why, and the actions it plans.</summary>
public sealed record RuleVerdict(Rule Rule, RuleOutcome Outcome, string? Detail, IReadOnlyList<PlannedAction> Actions)
{
    public static RuleVerdict NotActing(Rule rule, RuleOutcome outcome, string detail) => new(rule, outcome, detail, []);
}
