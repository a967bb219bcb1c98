using System.Collections;
using System.Globalization;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;

namespace EventReactor.Core.Expressions;

/// <summary>Converts between JSON and the plain values CEL works on (string, long, double, bool, null, maps, lists).</summary>
public static class CelValues
{
    public static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => FromJsonObject(element),
        JsonValueKind.Array => element.EnumerateArray().Select(FromJson).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var integer) ? (object)integer : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    public static Dictionary<string, object?> FromJsonObject(JsonElement element)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            map[property.Name] = FromJson(property.Value);
        }

        return map;
    }

    public static JsonElement ToJson(object? value)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, value);
        }

        return JsonDocument.Parse(buffer.WrittenMemory).RootElement.Clone();
    }

    public static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case long or int or short or sbyte or byte or ushort or uint:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong unsigned:
                writer.WriteNumberValue(unsigned);
                break;
            case double or float or decimal:
                writer.WriteNumberValue(Convert.ToDouble(value, CultureInfo.InvariantCulture));
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            case Timestamp timestamp:
                writer.WriteStringValue(timestamp.ToDateTimeOffset().ToString("O", CultureInfo.InvariantCulture));
                break;
            case Duration duration:
                writer.WriteStringValue(duration.ToTimeSpan().ToString("c", CultureInfo.InvariantCulture));
                break;
            case IDictionary map:
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in map)
                {
                    writer.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty);
                    Write(writer, entry.Value);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    /// <summary>The text a value takes when it is interpolated into a string.</summary>
    public static string ToText(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        bool flag => flag ? "true" : "false",
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        IConvertible convertible and not IEnumerable => convertible.ToString(CultureInfo.InvariantCulture),
        _ => ToJson(value).GetRawText(),
    };

    public static string Describe(object? value) => value switch
    {
        null => "null",
        string => "a string",
        bool => "a bool",
        long or int => "an int",
        double => "a double",
        IDictionary => "a map",
        IEnumerable => "a list",
        _ => value.GetType().Name,
    };
}
