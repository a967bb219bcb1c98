using System.Text.Json.Serialization;

namespace EventReactor.Contracts.Pools;

/// <summary>
/// The data of <c>pool/&lt;name&gt;/provisioning/failed</c>: one minion could not be made. <see cref="Host"/> is the provider's
/// handle of the machine (e.g. <c>user@address:port</c>), null when none was chosen; the reconciler tries again later.
/// </summary>
public sealed record PoolProvisioningFailed(
    [property: JsonPropertyName("pool")] string Pool,
    [property: JsonPropertyName("provider")] string Provider,
    [property: JsonPropertyName("minion")] string Minion,
    [property: JsonPropertyName("host")] string? Host,
    [property: JsonPropertyName("step")] ProvisioningStep Step,
    [property: JsonPropertyName("error")] string Error);
