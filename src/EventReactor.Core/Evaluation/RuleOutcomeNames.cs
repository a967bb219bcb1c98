namespace EventReactor.Core.Evaluation;

/// <summary>The names outcomes have in the audit, the API and the CLI.</summary>
public static class RuleOutcomeNames
{
    public static string ToName(this RuleOutcome outcome) => outcome switch
    {
        RuleOutcome.Acted => "acted",
        RuleOutcome.Failed => "failed",
        RuleOutcome.Duplicate => "duplicate",
        RuleOutcome.ConditionFalse => "condition-false",
        RuleOutcome.ConditionError => "condition-error",
        RuleOutcome.Throttled => "throttled",
        RuleOutcome.Stopped => "stopped",
        RuleOutcome.DepthExceeded => "depth-exceeded",
        _ => "disabled",
    };
}
