using System.Text.Json.Serialization;

namespace EventReactor.Reactor.Broker;

/// <summary>The answer of the management API's <c>GET /api/whoami</c>: the user the reactor connects as, and its tags.</summary>
internal sealed record ManagementWhoAmI([property: JsonPropertyName("name")] string Name, [property: JsonPropertyName("tags")] IReadOnlyList<string> Tags);
