using System.Text.Json.Serialization;

namespace EventReactor.Contracts.Presence;

/// <summary>The data of <c>presence/change</c>: minions that joined, and minions lost (a goodbye or three missed heartbeats).</summary>
public sealed record PresenceChanged(
    [property: JsonPropertyName("new")] IReadOnlyList<string> New,
    [property: JsonPropertyName("lost")] IReadOnlyList<string> Lost);
