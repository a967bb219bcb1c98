using System.Text.Json.Serialization;

namespace EventReactor.Contracts.Pools;

/// <summary>The data of <c>pool/&lt;name&gt;/provisioning</c>: the minions a provider was asked to create, and the size wanted.</summary>
public sealed record PoolProvisioningStarted(
    [property: JsonPropertyName("pool")] string Pool,
    [property: JsonPropertyName("provider")] string Provider,
    [property: JsonPropertyName("minions")] IReadOnlyList<string> Minions,
    [property: JsonPropertyName("desired")] int Desired);
