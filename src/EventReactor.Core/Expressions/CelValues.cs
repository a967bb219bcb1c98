using System.Collections;
using System.Globalization;
using System.Text.Json;
using EventReactor.Core.Expressions.Runtime;

namespace EventReactor.Core.Expressions;

/// <summary>
/// Converts between JSON and the values CEL works on. Values are written as CEL's JSON mapping says: ints and
/// uints beyond ±(2^53 - 1) as decimal strings, NaN and ±infinity as "NaN", "Infinity" and "-Infinity",
/// bytes as base64, timestamps as RFC 3339 with nanoseconds, durations as seconds such as "1.5s".
/// </summary>
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

        // Parsed into an element that owns its bytes: no pooled document to clone and then leave to the collector.
        return JsonElement.Parse(buffer.WrittenSpan);
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
                WriteInteger(writer, Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong unsigned when unsigned <= MaxSafeInteger:
                writer.WriteNumberValue(unsigned);
                break;
            case ulong unsigned:
                writer.WriteStringValue(unsigned.ToString(CultureInfo.InvariantCulture));
                break;
            case double or float or decimal:
                WriteDouble(writer, Convert.ToDouble(value, CultureInfo.InvariantCulture));
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            case CelBytes or CelTimestamp or CelDuration or CelType:
                writer.WriteStringValue(value.ToString());
                break;
            case byte[] bytes:
                writer.WriteBase64StringValue(bytes);
                break;
            case IDictionary map:
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in map)
                {
                    writer.WritePropertyName(ToText(entry.Key));
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
        double number => Conversions.FormatDouble(number),
        CelBytes or CelTimestamp or CelDuration or CelType => value.ToString()!,
        IConvertible convertible and not IEnumerable => convertible.ToString(CultureInfo.InvariantCulture),
        _ => ToJson(value).GetRawText(),
    };

    public static string Describe(object? value) => value switch
    {
        null => "null",
        string => "a string",
        bool => "a bool",
        long or int => "an int",
        ulong => "a uint",
        double => "a double",
        CelBytes => "bytes",
        CelTimestamp => "a timestamp",
        CelDuration => "a duration",
        CelType => "a type",
        IDictionary => "a map",
        IEnumerable => "a list",
        _ => value.GetType().Name,
    };

    private const long MaxSafeInteger = (1L << 53) - 1;

    private static void WriteInteger(Utf8JsonWriter writer, long value)
    {
        if (value is >= -MaxSafeInteger and <= MaxSafeInteger)
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static void WriteDouble(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
    }
}
