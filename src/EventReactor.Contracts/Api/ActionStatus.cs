using System.Text.Json.Serialization;

namespace EventReactor.Contracts.Api;

/// <summary>How one action of a rule ended, in the audit and the API.</summary>
[JsonConverter(typeof(WireEnumConverter<ActionStatus>))]
public enum ActionStatus
{
    /// <summary>The action ran and succeeded (possibly after retries).</summary>
    Done,

    /// <summary>The action failed after its retries.</summary>
    Failed,

    /// <summary>The action had already run for this event (a redelivery); it was not repeated.</summary>
    Duplicate,
}
