using System.Collections;
using System.Globalization;
using System.Text.Json;
using EventReactor.Contracts;

namespace EventReactor.Core.Expressions.Fast;

/// <summary>
/// Values on the fast path: null, bool, long, ulong, double and string as the Cel package sees them;
/// JSON objects and arrays stay <see cref="JsonElement"/>s so nothing is converted that is not read.
/// </summary>
internal static class FastValues
{
    public static readonly object True = true;
    public static readonly object False = false;

    public static object Bool(bool value) => value ? True : False;

    /// <summary>A JSON value as the package would see it after <see cref="CelValues.FromJson"/>, containers left as they are.</summary>
    public static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object or JsonValueKind.Array => element,
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var integer) ? (object)integer : element.GetDouble(),
        JsonValueKind.True => True,
        JsonValueKind.False => False,
        _ => null,
    };

    /// <summary>A value from <c>vars</c> or a list, accepted only when its meaning is certain.</summary>
    public static object? FromPlain(object? value) => value switch
    {
        null or bool or long or ulong or double or string => value,
        JsonElement element => FromJson(element),
        IDictionary or IList or IReadOnlyDictionary<string, object?> => value,
        _ => FastPathBailout.Raise(),
    };

    public static bool IsScalar(object? value) => value is null or bool or long or ulong or double or string or int;

    public static object? Select(FastContext context, object? target, string field) => target switch
    {
        EventMarker => EventField(context.Event, field),
        JsonElement { ValueKind: JsonValueKind.Object } element =>
            element.TryGetProperty(field, out var property) ? FromJson(property) : FastPathBailout.Raise(),
        IReadOnlyDictionary<string, object?> map => map.TryGetValue(field, out var value) ? FromPlain(value) : FastPathBailout.Raise(),
        _ => FastPathBailout.Raise(),
    };

    // The package's has() is false for a field that is present but null, unlike CEL's key presence; so is this.
    public static bool Has(FastContext context, object? target, string field) => target switch
    {
        EventMarker => IsEventField(field) ? EventField(context.Event, field) is not null : FastPathBailout.Raise<bool>(),
        JsonElement { ValueKind: JsonValueKind.Object } element =>
            element.TryGetProperty(field, out var property) && Present(FromJson(property)),
        IReadOnlyDictionary<string, object?> map => map.TryGetValue(field, out var value) && Present(value),
        _ => FastPathBailout.Raise<bool>(),
    };

    public static object? Index(FastContext context, object? target, object? key) => (target, key) switch
    {
        (EventMarker, string field) => EventField(context.Event, field),
        (JsonElement { ValueKind: JsonValueKind.Object } element, string field) =>
            element.TryGetProperty(field, out var property) ? FromJson(property) : FastPathBailout.Raise(),
        (JsonElement { ValueKind: JsonValueKind.Array } element, long position) =>
            position >= 0 && position < element.GetArrayLength() ? FromJson(element[(int)position]) : FastPathBailout.Raise(),
        (IReadOnlyDictionary<string, object?> map, string field) =>
            map.TryGetValue(field, out var value) ? FromPlain(value) : FastPathBailout.Raise(),
        (IList list, long position) => position >= 0 && position < list.Count ? FromPlain(list[(int)position]) : FastPathBailout.Raise(),
        _ => FastPathBailout.Raise(),
    };

    /// <summary>The elements of a list, or the keys of a map, as a macro ranges over them.</summary>
    public static List<object?> Range(object? target)
    {
        var items = new List<object?>();
        switch (target)
        {
            case JsonElement { ValueKind: JsonValueKind.Array } array:
                foreach (var item in array.EnumerateArray())
                {
                    items.Add(FromJson(item));
                }

                break;
            case JsonElement { ValueKind: JsonValueKind.Object } map:
                foreach (var property in map.EnumerateObject())
                {
                    items.Add(property.Name);
                }

                break;
            case IReadOnlyDictionary<string, object?> map:
                items.AddRange(map.Keys);
                break;
            case IList list:
                foreach (var item in list)
                {
                    items.Add(FromPlain(item));
                }

                break;
            default:
                FastPathBailout.Raise();
                break;
        }

        return items;
    }

    // The package answers size() with an Int32, not CEL's int64; so does the fast path.
    public static int Size(object? value) => value switch
    {
        // CEL counts code points; a string with surrogates is left to the package.
        string text => text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0 ? text.Length : FastPathBailout.Raise<int>(),
        JsonElement { ValueKind: JsonValueKind.Array } array => array.GetArrayLength(),
        JsonElement { ValueKind: JsonValueKind.Object } map => map.GetPropertyCount(),
        IReadOnlyDictionary<string, object?> map => map.Count,
        IList list => list.Count,
        _ => FastPathBailout.Raise<int>(),
    };

    /// <summary>Equality of two values of the same scalar type; anything else is left to the package.</summary>
    public static bool ScalarEquals(object? left, object? right) => (Widen(left), Widen(right)) switch
    {
        (long a, long b) => a == b,
        (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
        (double a, double b) => a == b,
        (bool a, bool b) => a == b,
        (ulong a, ulong b) => a == b,
        (null, null) => true,
        (null, bool or long or ulong or double or string) or (bool or long or ulong or double or string, null) => false,
        _ => FastPathBailout.Raise<bool>(),
    };

    public static int Compare(object? left, object? right) => (Widen(left), Widen(right)) switch
    {
        (long a, long b) => a.CompareTo(b),
        (double a, double b) when !double.IsNaN(a) && !double.IsNaN(b) => a.CompareTo(b),
        (string a, string b) => string.CompareOrdinal(a, b),
        (ulong a, ulong b) => a.CompareTo(b),
        _ => FastPathBailout.Raise<int>(),
    };

    // What the package's has() says of a field that is there: null and "" are absent (seen in the
    // differential tests); empty lists and maps are left to it.
    private static bool Present(object? value) => value switch
    {
        null => false,
        string text => text.Length > 0,
        bool or long or ulong or double => true,
        _ => Size(value) > 0 || FastPathBailout.Raise<bool>(),
    };

    // size() gives an Int32; the package compares it with ints as a number.
    private static object? Widen(object? value) => value is int small ? (long)small : value;

    private static bool IsEventField(string field) =>
        field is "id" or "tag" or "minion" or "source" or "time" or "data" or "causedBy" or "depth";

    // Mirrors EvaluationScope.Build, which is what the package sees.
    public static object? EventField(EventEnvelope @event, string field) => field switch
    {
        "data" => @event.Data.ValueKind == JsonValueKind.Object ? @event.Data : FastPathBailout.Raise(),
        "tag" => @event.Tag,
        "minion" => @event.Minion,
        "id" => @event.Id,
        "source" => @event.Source,
        "time" => @event.Time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        "causedBy" => @event.CausedBy,
        "depth" => (long)@event.Depth,
        _ => FastPathBailout.Raise(),
    };
}
