using System.Text.Json.Serialization;

namespace EventReactor.Contracts.Api;

/// <summary>Why a rule's health is flagged in <c>eventreactor rules stats</c>; its wire name (<c>never-matched</c>) is what the API and the CLI show.</summary>
[JsonConverter(typeof(WireEnumConverter<RuleHealthFlagKind>))]
public enum RuleHealthFlagKind
{
    /// <summary>No event's tag matched the rule in the window.</summary>
    NeverMatched,

    /// <summary>The rule's condition could not be evaluated on most of its matches.</summary>
    ConditionErrors,

    /// <summary>One of the rule's actions failed on most of the rule's firings.</summary>
    FailingAction,
}
