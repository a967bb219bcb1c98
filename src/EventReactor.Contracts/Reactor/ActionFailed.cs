using System.Text.Json.Serialization;

namespace EventReactor.Contracts.Reactor;

/// <summary>The data of <c>reactor/action/failed</c>: which rule's action failed on which event, why, after how many attempts.</summary>
public sealed record ActionFailed(
    [property: JsonPropertyName("rule")] string Rule,
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("location")] string Location,
    [property: JsonPropertyName("event")] EventReference Event,
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("attempts")] int Attempts);
