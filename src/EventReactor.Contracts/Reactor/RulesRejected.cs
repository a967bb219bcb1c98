using System.Text.Json.Serialization;

namespace EventReactor.Contracts.Reactor;

/// <summary>The data of <c>reactor/rules/invalid</c>: the rule files read and what is wrong with them; the last good rules stay.</summary>
public sealed record RulesRejected(
    [property: JsonPropertyName("files")] IReadOnlyList<string> Files,
    [property: JsonPropertyName("errors")] IReadOnlyList<string> Errors);
