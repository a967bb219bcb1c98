using EventReactor.Contracts;
using EventReactor.Contracts.Api;
using EventReactor.Core.Expressions;
using EventReactor.Core.Rules;

namespace EventReactor.Core.Evaluation;

/// <summary>
/// Decides, for one event, what every rule whose tag matches does and why: the one piece of logic behind
/// the reactor and <c>rules test</c>. It runs no action; it renders their arguments.
/// </summary>
public sealed class RuleEvaluator(int maxDepth, IThrottleGate throttle)
{
    public IReadOnlyList<RuleVerdict> Evaluate(RuleSet rules, EventEnvelope envelope)
    {
        var verdicts = new List<RuleVerdict>();
        var scope = new EvaluationScope(envelope);
        string? stoppedBy = null;
        foreach (var rule in rules.Match(envelope.Tag))
        {
            verdicts.Add(Evaluate(rule, envelope, scope, ref stoppedBy));
        }

        return verdicts;
    }

    private RuleVerdict Evaluate(Rule rule, EventEnvelope envelope, EvaluationScope scope, ref string? stoppedBy)
    {
        if (!rule.Enabled)
        {
            return RuleVerdict.NotActing(rule, RuleOutcome.Disabled, "the rule is disabled (enabled: false)");
        }

        if (stoppedBy is not null)
        {
            return RuleVerdict.NotActing(rule, RuleOutcome.Stopped, $"rule '{stoppedBy}' matched first and has stop: true");
        }

        if (envelope.Depth > maxDepth)
        {
            return RuleVerdict.NotActing(rule, RuleOutcome.DepthExceeded, $"causation depth {envelope.Depth} exceeds the limit {maxDepth}; a reaction loop is cut here");
        }

        var ruleScope = scope.WithVars(rule.Vars);
        if (rule.When is { } condition)
        {
            try
            {
                if (!condition.EvaluateCondition(ruleScope))
                {
                    return RuleVerdict.NotActing(rule, RuleOutcome.ConditionFalse, $"condition false: {condition.Text}");
                }
            }
            catch (ExpressionException ex)
            {
                return RuleVerdict.NotActing(rule, RuleOutcome.ConditionError, $"condition error: {ex.Message}");
            }
        }

        if (rule.Stop)
        {
            stoppedBy = rule.Name;
        }

        if (rule.Throttle is { } policy)
        {
            string key;
            try
            {
                key = policy.Key is null ? string.Empty : CelValues.ToText(policy.Key.Render(ruleScope));
            }
            catch (ExpressionException ex)
            {
                return RuleVerdict.NotActing(rule, RuleOutcome.ConditionError, $"throttle key error: {ex.Message}");
            }

            if (!throttle.TryPass(rule.Name, key, policy.OnceWithin))
            {
                return RuleVerdict.NotActing(rule, RuleOutcome.Throttled, $"throttled: acted for key '{key}' less than {policy.OnceWithin} ago");
            }
        }

        return new RuleVerdict(rule, RuleOutcome.Acted, null, Plan(rule, ruleScope));
    }

    private static List<PlannedAction> Plan(Rule rule, EvaluationScope scope)
    {
        var planned = new List<PlannedAction>(rule.Actions.Count);
        for (var index = 0; index < rule.Actions.Count; index++)
        {
            var action = rule.Actions[index];
            var retry = action.Retry ?? rule.Retry;
            try
            {
                planned.Add(new PlannedAction(index, action, action.RenderArguments(scope), null, retry));
            }
            catch (ExpressionException ex)
            {
                planned.Add(new PlannedAction(index, action, null, ex.Message, retry));
            }
        }

        return planned;
    }
}
