using System.Text.Json.Serialization;

namespace EventReactor.Contracts.Pools;

/// <summary>The data of <c>reactor/pools/invalid</c>: the pools file and what is wrong with it; the last good pools stay.</summary>
public sealed record PoolsRejected(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("errors")] IReadOnlyList<string> Errors);
