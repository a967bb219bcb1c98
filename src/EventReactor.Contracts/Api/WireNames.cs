using System.Text.Json;

namespace EventReactor.Contracts.Api;

/// <summary>An enum value's wire name (as <see cref="WireEnumConverter{TEnum}"/> writes it) for stores, logs and tags, and back.</summary>
public static class WireNames
{
    /// <summary>The lower-case, hyphenated name: <c>condition-false</c> for <c>ConditionFalse</c>.</summary>
    public static string ToWire<TEnum>(this TEnum value)
        where TEnum : struct, Enum =>
        WireNameTable<TEnum>.Names.TryGetValue(value, out var name) ? name : JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    /// <summary>The value whose wire name is <paramref name="name"/>; a name no value has is a <see cref="FormatException"/>.</summary>
    public static TEnum Parse<TEnum>(string name)
        where TEnum : struct, Enum
    {
        if (WireNameTable<TEnum>.Values.TryGetValue(name, out var value))
        {
            return value;
        }

        throw new FormatException($"'{name}' is not a {typeof(TEnum).Name}; expected one of {string.Join(", ", Enum.GetValues<TEnum>().Select(v => v.ToWire()))}");
    }
}
