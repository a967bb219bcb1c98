using System.Text.Json;

namespace EventReactor.Contracts;

/// <summary>Reads and writes events in their CloudEvents JSON form (through <see cref="CloudEventJsonConverter"/>).</summary>
public static class CloudEventJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>The event as CloudEvents structured JSON (UTF-8).</summary>
    public static byte[] SerializeToUtf8Bytes(EventEnvelope envelope) => JsonSerializer.SerializeToUtf8Bytes(envelope, Options);

    /// <summary>The event as CloudEvents structured JSON.</summary>
    public static string Serialize(EventEnvelope envelope) => JsonSerializer.Serialize(envelope, Options);

    /// <summary>Reads one event; throws <see cref="CloudEventFormatException"/> or <see cref="JsonException"/> saying what is wrong.</summary>
    public static EventEnvelope Deserialize(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize<EventEnvelope>(utf8Json, Options) ?? throw new CloudEventFormatException("the message is JSON null");

    /// <summary>Reads one event from text.</summary>
    public static EventEnvelope Deserialize(string json) =>
        JsonSerializer.Deserialize<EventEnvelope>(json, Options) ?? throw new CloudEventFormatException("the message is JSON null");
}
