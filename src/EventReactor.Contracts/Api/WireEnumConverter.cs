using System.Text.Json;
using System.Text.Json.Serialization;

namespace EventReactor.Contracts.Api;

/// <summary>
/// Writes and reads an enum as its lower-case, hyphenated wire name (<c>ConditionFalse</c> is <c>condition-false</c>), the
/// form the API, the audit store and the CLI have always used.
/// </summary>
/// <typeparam name="TEnum">The enum.</typeparam>
public sealed class WireEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false)
    where TEnum : struct, Enum;
