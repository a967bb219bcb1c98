using System.Text.Json;
using EventReactor.Contracts;

namespace EventReactor.Core.Evaluation;

/// <summary>The event of a dry run, as an operator writes it: a CloudEvent, or the short form <c>{"tag": ..., "data": {...}}</c>.</summary>
public static class DryRunEvent
{
    /// <exception cref="JsonException">The text is not JSON.</exception>
    /// <exception cref="CloudEventFormatException">The JSON is not an event.</exception>
    public static EventEnvelope Parse(string text, string source)
    {
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(CloudEventAttributes.SpecVersion, out _))
        {
            return CloudEventJson.Deserialize(text);
        }

        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("tag", out var tag) || tag.ValueKind != JsonValueKind.String)
        {
            throw new CloudEventFormatException("the event must be a CloudEvent or an object with a string 'tag' and an optional 'data' object");
        }

        var data = root.TryGetProperty("data", out var given) ? given : EventEnvelope.EmptyData;
        if (data.ValueKind != JsonValueKind.Object)
        {
            throw new CloudEventFormatException("'data' must be a JSON object");
        }

        var minion = root.TryGetProperty("minion", out var minionElement) ? minionElement.GetString() : null;
        var envelope = EventEnvelope.Create(tag.GetString()!, source, data.Clone(), minion);
        return root.TryGetProperty("depth", out var depth) && depth.TryGetInt32(out var value) ? envelope with { Depth = value } : envelope;
    }
}
