using System.Text.Json.Serialization;

namespace EventReactor.Contracts.Api;

/// <summary>What became of one rule for one event; every rule whose tag matched gets one. Its wire name (<c>condition-false</c>) is what the audit, the API and the CLI show.</summary>
[JsonConverter(typeof(WireEnumConverter<RuleOutcome>))]
public enum RuleOutcome
{
    /// <summary>The rule acted (or, in a dry run, would act).</summary>
    Acted,

    /// <summary>The rule acted, and at least one action failed after its retries.</summary>
    Failed,

    /// <summary>The rule had already acted on this event (a redelivery); nothing was repeated.</summary>
    Duplicate,

    /// <summary>The rule's condition was false.</summary>
    ConditionFalse,

    /// <summary>The rule's condition could not be evaluated.</summary>
    ConditionError,

    /// <summary>The rule's throttle held it back.</summary>
    Throttled,

    /// <summary>An earlier rule with <c>stop: true</c> held for this event.</summary>
    Stopped,

    /// <summary>The event was too deep in a chain of events fired by rules.</summary>
    DepthExceeded,

    /// <summary>The rule is disabled.</summary>
    Disabled,

    /// <summary>The event came from a minion whose key is not accepted (<c>eventreactor keys</c>), so no rule acts on it.</summary>
    Untrusted,

    /// <summary>
    /// The event speaks for a minion other than the broker user that published it (its validated <c>user_id</c>), so no
    /// rule acts on it; the detail starts with <c>identity:</c>.
    /// </summary>
    Rejected,
}
