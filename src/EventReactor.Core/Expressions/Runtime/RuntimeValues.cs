using System.Collections;
using System.Text.Json;

namespace EventReactor.Core.Expressions.Runtime;

/// <summary>
/// The values expressions work on: null, bool, long (int), ulong (uint), double, string, <see cref="CelBytes"/>,
/// <see cref="CelTimestamp"/>, <see cref="CelDuration"/>, <see cref="CelType"/>, lists and maps. Event data stays
/// a <see cref="JsonElement"/> container so nothing is converted that is not read.
/// </summary>
internal static class RuntimeValues
{
    public static readonly object True = true;
    public static readonly object False = false;

    public static object Bool(bool value) => value ? True : False;

    /// <summary>A JSON value as CEL sees it, containers left as they are.</summary>
    public static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object or JsonValueKind.Array => element,
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var integer) ? (object)integer : element.GetDouble(),
        JsonValueKind.True => True,
        JsonValueKind.False => False,
        _ => null,
    };

    /// <summary>A value from variables or a container, as CEL sees it.</summary>
    public static object? FromPlain(object? value) => value switch
    {
        byte[] bytes => new CelBytes(bytes),
        null or string or long or bool or double or ulong or IDictionary or IList => value,
        CelBytes or CelTimestamp or CelDuration or CelType => value,
        JsonElement element => FromJson(element),
        int or short or sbyte => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
        uint or ushort or byte => Convert.ToUInt64(value, System.Globalization.CultureInfo.InvariantCulture),
        float single => (double)single,
        IReadOnlyDictionary<string, object?> => value,
        _ => CelError.Raise($"unsupported value of type {value.GetType().Name}"),
    };

    public static bool IsList(object? value) => value is JsonElement element ? element.ValueKind == JsonValueKind.Array : value is IList;

    public static bool IsMap(object? value) =>
        value is JsonElement element ? element.ValueKind == JsonValueKind.Object : value is IDictionary or IReadOnlyDictionary<string, object?>;

    public static CelType TypeOf(object? value) => value switch
    {
        null => CelType.Null,
        bool => CelType.Bool,
        long => CelType.Int,
        ulong => CelType.Uint,
        double => CelType.Double,
        string => CelType.String,
        CelBytes => CelType.Bytes,
        CelTimestamp => CelType.Timestamp,
        CelDuration => CelType.Duration,
        CelType => CelType.Type,
        _ when IsList(value) => CelType.List,
        _ when IsMap(value) => CelType.Map,
        _ => CelError.Raise<CelType>($"unsupported value of type {value.GetType().Name}"),
    };

    public static string TypeName(object? value) => value switch
    {
        null => "null_type",
        bool => "bool",
        long => "int",
        ulong => "uint",
        double => "double",
        string => "string",
        CelBytes => "bytes",
        CelTimestamp => "timestamp",
        CelDuration => "duration",
        CelType => "type",
        _ when IsList(value) => "list",
        _ when IsMap(value) => "map",
        _ => value.GetType().Name,
    };
}
