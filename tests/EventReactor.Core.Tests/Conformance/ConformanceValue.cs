using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;
using EventReactor.Core.Expressions.Runtime;

namespace EventReactor.Core.Tests.Conformance;

/// <summary>
/// Turns a conformance <c>Value</c> message into a runtime value (for bindings) and both expected and actual
/// values into one canonical text (type and value), so 1, 1u and 1.0 differ and map order does not matter.
/// </summary>
internal static class ConformanceValue
{
    private const string DurationType = "[type.googleapis.com/google.protobuf.Duration]";
    private const string TimestampType = "[type.googleapis.com/google.protobuf.Timestamp]";

    public static bool IsWellKnown(string typeName) => typeName is DurationType or TimestampType;

    public static object? ToRuntime(TextProtoMessage value)
    {
        var (kind, content) = value.Fields[0];
        return kind switch
        {
            "int64_value" => long.Parse((string)content, CultureInfo.InvariantCulture),
            "uint64_value" => ulong.Parse((string)content, CultureInfo.InvariantCulture),
            "double_value" => ParseDouble((string)content),
            "string_value" => Encoding.UTF8.GetString((byte[])content),
            "bytes_value" => ToBytes((byte[])content),
            "bool_value" => (string)content == "true",
            "null_value" => null,
            "list_value" => ((TextProtoMessage)content).All("values").Cast<TextProtoMessage>().Select(ToRuntime).ToList(),
            "map_value" => ToMap((TextProtoMessage)content),
            "object_value" => ToWellKnown((TextProtoMessage)content),
            _ => throw new NotSupportedException($"binding of kind {kind}"),
        };
    }

    public static string Show(TextProtoMessage value)
    {
        var (kind, content) = value.Fields[0];
        return kind switch
        {
            "int64_value" => "int:" + (string)content,
            "uint64_value" => "uint:" + (string)content,
            "double_value" => ShowDouble(ParseDouble((string)content)),
            "string_value" => "string:" + JsonSerializer.Serialize(Encoding.UTF8.GetString((byte[])content)),
            "bytes_value" => "bytes:" + Convert.ToHexString((byte[])content),
            "bool_value" => "bool:" + (string)content,
            "null_value" => "null",
            "type_value" => "type:" + Encoding.UTF8.GetString((byte[])content),
            "list_value" => "[" + string.Join(", ", ((TextProtoMessage)content).All("values").Cast<TextProtoMessage>().Select(Show)) + "]",
            "map_value" => ShowEntries(((TextProtoMessage)content).All("entries").Cast<TextProtoMessage>()
                .Select(entry => (Show(entry.Message("key")!), Show(entry.Message("value")!)))),
            "object_value" => ShowWellKnown((TextProtoMessage)content),
            _ => "unsupported:" + kind,
        };
    }

    public static string ShowRuntime(object? value) => value switch
    {
        null => "null",
        bool flag => flag ? "bool:true" : "bool:false",
        long number => "int:" + number.ToString(CultureInfo.InvariantCulture),
        ulong number => "uint:" + number.ToString(CultureInfo.InvariantCulture),
        double number => ShowDouble(number),
        string text => "string:" + JsonSerializer.Serialize(text),
        CelBytes bytes => "bytes:" + Convert.ToHexString(bytes.Value),
        CelTimestamp time => $"timestamp:{time.Seconds}s{time.FloorNanos}n",
        CelDuration span => $"duration:{(long)(span.Nanos / CelDuration.NanosPerSecond)}s{(int)(span.Nanos % CelDuration.NanosPerSecond)}n",
        CelType type => "type:" + type.Name,
        JsonElement element => ShowRuntime(Core.Expressions.CelValues.FromJson(element)),
        IDictionary map => ShowEntries(map.Keys.Cast<object>().Select(key => (ShowRuntime(key), ShowRuntime(map[key])))),
        IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(ShowRuntime)) + "]",
        _ => $"{value.GetType().Name}:{value}",
    };

    private static object ToBytes(byte[] bytes) => new CelBytes(bytes);

    private static object ToWellKnown(TextProtoMessage content)
    {
        var (type, fields) = content.Fields[0];
        var message = (TextProtoMessage)fields;
        var nanos = ((Int128)long.Parse(message.Text("seconds") ?? "0", CultureInfo.InvariantCulture) * CelDuration.NanosPerSecond)
            + int.Parse(message.Text("nanos") ?? "0", CultureInfo.InvariantCulture);
        return type == DurationType ? new CelDuration(nanos) : new CelTimestamp(nanos);
    }

    private static string ShowEntries(IEnumerable<(string Key, string Value)> entries) =>
        "{" + string.Join(", ", entries.OrderBy(entry => entry.Key, StringComparer.Ordinal).Select(entry => $"{entry.Key}: {entry.Value}")) + "}";

    private static string ShowWellKnown(TextProtoMessage content)
    {
        var (type, fields) = content.Fields[0];
        var message = (TextProtoMessage)fields;
        var seconds = long.Parse(message.Text("seconds") ?? "0", CultureInfo.InvariantCulture);
        var nanos = int.Parse(message.Text("nanos") ?? "0", CultureInfo.InvariantCulture);
        return type == DurationType ? $"duration:{seconds}s{nanos}n" : $"timestamp:{seconds}s{nanos}n";
    }

    private static string ShowDouble(double number) =>
        "double:" + (number == 0 && double.IsNegative(number) ? "0" : number.ToString("R", CultureInfo.InvariantCulture));

    private static double ParseDouble(string text) => text.ToLowerInvariant() switch
    {
        "inf" or "infinity" => double.PositiveInfinity,
        "-inf" or "-infinity" => double.NegativeInfinity,
        "nan" => double.NaN,
        var number => double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    private static object ToMap(TextProtoMessage map)
    {
        var entries = map.All("entries").Cast<TextProtoMessage>().Select(entry => (Key: ToRuntime(entry.Message("key")!)!, Value: ToRuntime(entry.Message("value")!))).ToList();
        if (entries.TrueForAll(entry => entry.Key is string))
        {
            return entries.ToDictionary(entry => (string)entry.Key, entry => entry.Value, StringComparer.Ordinal);
        }

        return entries.ToDictionary(entry => entry.Key, entry => entry.Value);
    }
}
