using System.Text.Json;
using System.Text.Json.Serialization;

namespace EventReactor.Contracts.Jobs;

/// <summary>The data of <c>job/&lt;jid&gt;/new</c>: the function, its arguments, the target as given and the minions it matched.</summary>
public sealed record JobPublished(
    [property: JsonPropertyName("jid")] string Jid,
    [property: JsonPropertyName("fun")] string Function,
    [property: JsonPropertyName("args")] JsonElement Arguments,
    [property: JsonPropertyName("tgt")] string Target,
    [property: JsonPropertyName("tgt_type")] string TargetType,
    [property: JsonPropertyName("minions")] IReadOnlyList<string> Minions);
