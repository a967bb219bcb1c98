using System.Text.Json.Serialization;

namespace EventReactor.Contracts.Reactor;

/// <summary>Names another event by its id and tag.</summary>
public sealed record EventReference(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("tag")] string Tag);
