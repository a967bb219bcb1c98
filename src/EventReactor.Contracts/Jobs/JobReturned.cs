using System.Text.Json;
using System.Text.Json.Serialization;

namespace EventReactor.Contracts.Jobs;

/// <summary>
/// The data of <c>job/&lt;jid&gt;/ret/&lt;minion&gt;</c>: whether the function succeeded, its Salt-style return code, what it
/// returned (any JSON, null when nothing), why it failed, and how long it ran.
/// </summary>
public sealed record JobReturned(
    [property: JsonPropertyName("jid")] string Jid,
    [property: JsonPropertyName("minion")] string Minion,
    [property: JsonPropertyName("fun")] string Function,
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("retcode")] int RetCode,
    [property: JsonPropertyName("return")] JsonElement? Return,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("durationMs")] double DurationMs);
