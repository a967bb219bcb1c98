using System.Collections.Frozen;
using System.Text.Json;

namespace EventReactor.Contracts.Api;

/// <summary>
/// The wire names of one enum, computed once: stores read and write one per audit record, millions in a replay, and
/// deriving a name costs a <c>ToString</c> and a naming-policy pass each time.
/// </summary>
/// <typeparam name="TEnum">The enum.</typeparam>
internal static class WireNameTable<TEnum>
    where TEnum : struct, Enum
{
    public static FrozenDictionary<TEnum, string> Names { get; } =
        Enum.GetValues<TEnum>().Distinct().ToFrozenDictionary(v => v, v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()));

    public static FrozenDictionary<string, TEnum> Values { get; } =
        Names.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);
}
