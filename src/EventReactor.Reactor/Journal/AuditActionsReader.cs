using System.Text.Json;
using EventReactor.Contracts.Api;

namespace EventReactor.Reactor.Journal;

/// <summary>
/// Reads an audit record's <c>actions</c> column, as the audit store writes it (the serializer's web defaults), for
/// replay. The serializer would parse each action's arguments into a document of its own; here the array is parsed
/// once and every action's arguments are an element of that one document. Anything not in the stored shape goes to
/// the serializer, so the result is the same as its.
/// </summary>
internal static class AuditActionsReader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<ActionAudit> Read(byte[] json)
    {
        if (json is [(byte)'[', (byte)']'])
        {
            return [];
        }

        var root = JsonElement.Parse(json);
        if (root.ValueKind != JsonValueKind.Array)
        {
            return Deserialize(json);
        }

        var actions = new List<ActionAudit>(root.GetArrayLength());
        foreach (var element in root.EnumerateArray())
        {
            if (Read(element) is not { } action)
            {
                return Deserialize(json);
            }

            actions.Add(action);
        }

        return actions;
    }

    private static ActionAudit? Read(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty("action"u8, out var action) || action.ValueKind != JsonValueKind.String
            || !element.TryGetProperty("location"u8, out var location) || location.ValueKind != JsonValueKind.String
            || !element.TryGetProperty("status"u8, out var status) || status.ValueKind != JsonValueKind.String
            || !element.TryGetProperty("attempts"u8, out var attempts) || !attempts.TryGetInt32(out var attemptCount)
            || !element.TryGetProperty("durationMs"u8, out var duration) || duration.ValueKind != JsonValueKind.Number
            || !TryGetText(element, "result"u8, out var result)
            || !TryGetText(element, "error"u8, out var error)
            || element.GetPropertyCount() != 8
            || !element.TryGetProperty("arguments"u8, out var arguments))
        {
            return null;
        }

        try
        {
            return new ActionAudit(
                action.GetString()!,
                location.GetString()!,
                arguments.ValueKind == JsonValueKind.Null ? null : arguments,
                WireNames.Parse<ActionStatus>(status.GetString()!),
                result,
                error,
                attemptCount,
                duration.GetDouble());
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static bool TryGetText(JsonElement element, ReadOnlySpan<byte> name, out string? text)
    {
        text = null;
        if (!element.TryGetProperty(name, out var value))
        {
            return false;
        }

        text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return value.ValueKind is JsonValueKind.String or JsonValueKind.Null;
    }

    private static List<ActionAudit> Deserialize(byte[] json) => JsonSerializer.Deserialize<List<ActionAudit>>(json, Json) ?? [];
}
