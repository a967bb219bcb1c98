using System.Text.Json.Serialization;

namespace EventReactor.Contracts.Pools;

/// <summary>The data of <c>pool/&lt;name&gt;/join</c> and <c>pool/&lt;name&gt;/leave</c>: which minion, and why, in words.</summary>
public sealed record PoolMembershipChanged(
    [property: JsonPropertyName("pool")] string Pool,
    [property: JsonPropertyName("minion")] string Minion,
    [property: JsonPropertyName("reason")] string Reason);
