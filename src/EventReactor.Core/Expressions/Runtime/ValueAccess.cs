using System.Collections;
using System.Text.Json;
using EventReactor.Contracts;

namespace EventReactor.Core.Expressions.Runtime;

/// <summary>Reading values: field selection, indexing, presence, size and iteration over lists and maps.</summary>
internal static class ValueAccess
{
    public static object? Select(object? target, string field) =>
        target is JsonElement { ValueKind: JsonValueKind.Object } element
            ? element.TryGetProperty(field, out var property) ? RuntimeValues.FromJson(property) : CelError.Raise($"no such key: '{field}'")
        : RuntimeValues.IsMap(target)
            ? TryLookup(target!, field, out var value) ? value : CelError.Raise($"no such key: '{field}'")
            : CelError.Raise($"{RuntimeValues.TypeName(target)} has no fields ('{field}')");

    public static bool Has(object? target, string field) =>
        target is JsonElement { ValueKind: JsonValueKind.Object } element ? element.TryGetProperty(field, out _)
        : RuntimeValues.IsMap(target) ? TryLookup(target!, field, out _) : CelError.Raise<bool>($"has() needs a map, not {RuntimeValues.TypeName(target)}");

    public static object? Index(object? target, object? key)
    {
        if (target is JsonElement { ValueKind: JsonValueKind.Object } element && key is string name)
        {
            return element.TryGetProperty(name, out var property) ? RuntimeValues.FromJson(property) : CelError.Raise($"no such key: '{name}'");
        }

        if (RuntimeValues.IsMap(target))
        {
            return IsKey(key) && TryLookup(target!, key!, out var value) ? value : CelError.Raise($"no such key: {Describe(key)}");
        }

        if (!RuntimeValues.IsList(target))
        {
            return CelError.Raise($"{RuntimeValues.TypeName(target)} cannot be indexed");
        }

        var position = key switch
        {
            long number => number,
            ulong number when number <= long.MaxValue => (long)number,
            double number when number == Math.Floor(number) && Math.Abs(number) < 1e18 => (long)number,
            _ => CelError.Raise<long>($"no matching overload for index {RuntimeValues.TypeName(key)}"),
        };
        var count = Count(target);
        return position >= 0 && position < count
            ? target is JsonElement array ? RuntimeValues.FromJson(array[(int)position]) : RuntimeValues.FromPlain(((IList)target!)[(int)position])
            : CelError.Raise($"index out of range: {position}");
    }

    public static bool Contains(object? container, object? item)
    {
        if (container is IList list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (ValueComparison.Equal(item, RuntimeValues.FromPlain(list[i])))
                {
                    return true;
                }
            }

            return false;
        }

        if (RuntimeValues.IsMap(container))
        {
            return IsKey(item) && TryLookup(container!, item!, out _);
        }

        if (!RuntimeValues.IsList(container))
        {
            throw CelError.NoOverload("in", item, container);
        }

        foreach (var candidate in Range(container))
        {
            if (ValueComparison.Equal(item, candidate))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The elements of a list, or the keys of a map, as macros range over them.</summary>
    public static List<object?> Range(object? target)
    {
        var items = new List<object?>();
        switch (target)
        {
            case JsonElement { ValueKind: JsonValueKind.Array } array:
                foreach (var item in array.EnumerateArray())
                {
                    items.Add(RuntimeValues.FromJson(item));
                }

                break;
            case JsonElement { ValueKind: JsonValueKind.Object } map:
                foreach (var property in map.EnumerateObject())
                {
                    items.Add(property.Name);
                }

                break;
            case IDictionary map:
                foreach (var key in map.Keys)
                {
                    items.Add(RuntimeValues.FromPlain(key));
                }

                break;
            case IReadOnlyDictionary<string, object?> map:
                items.AddRange(map.Keys);
                break;
            case IList list:
                foreach (var item in list)
                {
                    items.Add(RuntimeValues.FromPlain(item));
                }

                break;
            default:
                throw new CelError($"cannot range over {RuntimeValues.TypeName(target)}");
        }

        return items;
    }

    public static long Size(object? value) => value switch
    {
        string text => CodePoints(text),
        CelBytes bytes => bytes.Value.Length,
        _ when RuntimeValues.IsList(value) || RuntimeValues.IsMap(value) => Count(value),
        _ => throw CelError.NoOverload("size", value),
    };

    /// <summary>Key-value pairs of a map, values as CEL sees them.</summary>
    public static IEnumerable<KeyValuePair<object, object?>> Entries(object map)
    {
        switch (map)
        {
            case JsonElement element:
                foreach (var property in element.EnumerateObject())
                {
                    yield return new(property.Name, RuntimeValues.FromJson(property.Value));
                }

                break;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    yield return new(RuntimeValues.FromPlain(entry.Key)!, RuntimeValues.FromPlain(entry.Value));
                }

                break;
            case IReadOnlyDictionary<string, object?> dictionary:
                foreach (var (key, value) in dictionary)
                {
                    yield return new(key, RuntimeValues.FromPlain(value));
                }

                break;
        }
    }

    public static bool TryLookup(object map, object key, out object? value)
    {
        switch (map)
        {
            case JsonElement element:
                if (key is string name && element.TryGetProperty(name, out var property))
                {
                    value = RuntimeValues.FromJson(property);
                    return true;
                }

                break;
            case IReadOnlyDictionary<string, object?> dictionary when key is string text:
                if (dictionary.TryGetValue(text, out var found))
                {
                    value = RuntimeValues.FromPlain(found);
                    return true;
                }

                break;
            case Dictionary<object, object?> literal:
                if (literal.TryGetValue(key, out var entryValue))
                {
                    value = RuntimeValues.FromPlain(entryValue);
                    return true;
                }

                break;
            case IDictionary dictionary when dictionary.Keys.Count > 0:
                // Keys of a map literal compare as CEL values; other maps are searched the same way.
                foreach (DictionaryEntry entry in dictionary)
                {
                    if (ValueComparison.Equal(RuntimeValues.FromPlain(entry.Key), key))
                    {
                        value = RuntimeValues.FromPlain(entry.Value);
                        return true;
                    }
                }

                break;
        }

        value = null;
        return false;
    }

    // Mirrors EvaluationScope's event map.
    public static object? EventField(EventEnvelope @event, string field) => field switch
    {
        "data" => RuntimeValues.FromJson(@event.Data),
        "tag" => @event.Tag,
        "minion" => @event.Minion,
        "id" => @event.Id,
        "source" => @event.Source,
        "time" => @event.Time.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        "causedBy" => @event.CausedBy,
        "depth" => (long)@event.Depth,
        _ => CelError.Raise($"no such key: '{field}'"),
    };

    private static bool IsKey(object? key) => key is string or long or ulong or bool or double;

    private static int Count(object? value) => value switch
    {
        JsonElement { ValueKind: JsonValueKind.Array } array => array.GetArrayLength(),
        JsonElement { ValueKind: JsonValueKind.Object } map => map.GetPropertyCount(),
        ICollection collection => collection.Count,
        IReadOnlyDictionary<string, object?> map => map.Count,
        _ => 0,
    };

    private static long CodePoints(string text)
    {
        if (text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0)
        {
            return text.Length;
        }

        var count = 0L;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    private static string Describe(object? key) => key is string text ? $"'{text}'" : Convert.ToString(key, System.Globalization.CultureInfo.InvariantCulture) ?? "null";
}
