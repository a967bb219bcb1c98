using System.Text.Json.Serialization;

namespace EventReactor.Contracts.Reactor;

/// <summary>The data of <c>reactor/rules/loaded</c>: the rule files read and how many rules they hold.</summary>
public sealed record RulesLoaded(
    [property: JsonPropertyName("files")] IReadOnlyList<string> Files,
    [property: JsonPropertyName("rules")] int Rules);
