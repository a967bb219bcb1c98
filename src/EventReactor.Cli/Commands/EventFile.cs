using System.Text.Json;
using EventReactor.Contracts;

namespace EventReactor.Cli.Commands;

/// <summary>Reads the event for a dry run: a CloudEvent, or the short form <c>{"tag": ..., "data": {...}}</c>.</summary>
internal static class EventFile
{
    public static async Task<EventEnvelope> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var text = path == "-" ? await Console.In.ReadToEndAsync(cancellationToken) : await File.ReadAllTextAsync(path, cancellationToken);
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
        var envelope = EventEnvelope.Create(tag.GetString()!, "/cli", data.Clone(), minion);
        return root.TryGetProperty("depth", out var depth) && depth.TryGetInt32(out var value) ? envelope with { Depth = value } : envelope;
    }
}
