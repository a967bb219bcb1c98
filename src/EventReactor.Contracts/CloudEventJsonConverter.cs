using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EventReactor.Contracts;

/// <summary>
/// The one piece of code that writes and reads <see cref="EventEnvelope"/> as a CloudEvents 1.0 structured JSON event.
/// Unknown attributes are ignored on read so that publishers may add their own extensions.
/// </summary>
public sealed class CloudEventJsonConverter : JsonConverter<EventEnvelope>
{
    public override void Write(Utf8JsonWriter writer, EventEnvelope value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString(CloudEventAttributes.SpecVersion, CloudEventAttributes.SupportedSpecVersion);
        writer.WriteString(CloudEventAttributes.Id, value.Id);
        writer.WriteString(CloudEventAttributes.Source, value.Source);
        writer.WriteString(CloudEventAttributes.Type, CloudEventAttributes.EventType);
        writer.WriteString(CloudEventAttributes.Time, value.Time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
        writer.WriteString(CloudEventAttributes.DataContentType, "application/json");
        writer.WriteString(CloudEventAttributes.Tag, value.Tag);
        if (value.Minion is not null)
        {
            writer.WriteString(CloudEventAttributes.Minion, value.Minion);
        }

        if (value.CausedBy is not null)
        {
            writer.WriteString(CloudEventAttributes.CausedBy, value.CausedBy);
        }

        writer.WriteNumber(CloudEventAttributes.Depth, value.Depth);
        if (value.TraceParent is not null)
        {
            writer.WriteString(CloudEventAttributes.TraceParent, value.TraceParent);
        }

        writer.WritePropertyName(CloudEventAttributes.Data);
        value.Data.WriteTo(writer);
        writer.WriteEndObject();
    }

    public override EventEnvelope Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new CloudEventFormatException("a CloudEvent must be a JSON object");
        }

        using var document = JsonDocument.ParseValue(ref reader);
        return FromElement(document.RootElement);
    }

    private static EventEnvelope FromElement(JsonElement root)
    {
        var specVersion = RequiredString(root, CloudEventAttributes.SpecVersion);
        if (specVersion != CloudEventAttributes.SupportedSpecVersion)
        {
            throw new CloudEventFormatException($"specversion '{specVersion}' is not supported; use '1.0'");
        }

        RequiredString(root, CloudEventAttributes.Type);
        var tag = RequiredString(root, CloudEventAttributes.Tag);
        if (tag.Any(char.IsControl) || tag.Contains(' ', StringComparison.Ordinal))
        {
            throw new CloudEventFormatException($"tag '{tag}' contains whitespace or control characters");
        }

        if (root.TryGetProperty(CloudEventAttributes.DataBase64, out _))
        {
            throw new CloudEventFormatException("data_base64 is not supported; 'data' must be a JSON object");
        }

        return new EventEnvelope
        {
            Id = RequiredString(root, CloudEventAttributes.Id),
            Source = RequiredString(root, CloudEventAttributes.Source),
            Tag = tag,
            Time = ReadTime(root),
            Minion = OptionalString(root, CloudEventAttributes.Minion),
            CausedBy = OptionalString(root, CloudEventAttributes.CausedBy),
            Depth = ReadDepth(root),
            TraceParent = OptionalString(root, CloudEventAttributes.TraceParent),
            Data = ReadData(root),
        };
    }

    private static string RequiredString(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            throw new CloudEventFormatException($"required attribute '{name}' is missing");
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(value.GetString()))
        {
            throw new CloudEventFormatException($"attribute '{name}' must be a non-empty string");
        }

        return value.GetString()!;
    }

    private static string? OptionalString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : throw new CloudEventFormatException($"attribute '{name}' must be a string")
            : null;

    private static DateTimeOffset ReadTime(JsonElement root)
    {
        var text = OptionalString(root, CloudEventAttributes.Time);
        if (text is null)
        {
            return DateTimeOffset.UtcNow;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time)
            ? time
            : throw new CloudEventFormatException($"attribute 'time' is not an RFC 3339 timestamp: '{text}'");
    }

    private static int ReadDepth(JsonElement root)
    {
        if (!root.TryGetProperty(CloudEventAttributes.Depth, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return 0;
        }

        // CloudEvents extension values may travel as strings (binary mode headers); accept both.
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var depth) && depth >= 0)
        {
            return depth;
        }

        if (value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out depth))
        {
            return depth;
        }

        throw new CloudEventFormatException("attribute 'depth' must be a non-negative integer");
    }

    private static JsonElement ReadData(JsonElement root)
    {
        if (!root.TryGetProperty(CloudEventAttributes.Data, out var data) || data.ValueKind == JsonValueKind.Null)
        {
            return EventEnvelope.EmptyData;
        }

        return data.ValueKind == JsonValueKind.Object
            ? data.Clone()
            : throw new CloudEventFormatException($"attribute 'data' must be a JSON object, not {data.ValueKind.ToString().ToLowerInvariant()}");
    }
}
