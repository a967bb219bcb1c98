namespace EventReactor.Core.Evaluation;

/// <summary>What became of one rule for one event; every rule whose tag matched gets one.</summary>
public enum RuleOutcome
{
    /// <summary>The rule acted (or, in a dry run, would act).</summary>
    Acted,

    /// <summary>The rule acted, and at least one action failed after its retries.</summary>
    Failed,

    /// <summary>The rule had already acted on this event (a redelivery); nothing was repeated.</summary>
    Duplicate,
    ConditionFalse,
    ConditionError,
    Throttled,

    /// <summary>An earlier rule with <c>stop: true</c> held for this event.</summary>
    Stopped,
    DepthExceeded,
    Disabled,
}
