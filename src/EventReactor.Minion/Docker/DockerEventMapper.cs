using System.Globalization;
using System.Text.Json;
using Docker.DotNet.Models;
using EventReactor.Contracts;

namespace EventReactor.Minion.Docker;

/// <summary>Turns the engine's container events into <c>minion/&lt;id&gt;/docker/container/&lt;action&gt;</c> events.</summary>
internal static class DockerEventMapper
{
    // Attributes the engine adds itself; everything else in a container event's attributes is a container label.
    private static readonly HashSet<string> EngineAttributes = new(StringComparer.Ordinal)
    {
        "name", "image", "exitCode", "signal", "execID", "execDuration", "container", "type",
    };

    public static EventEnvelope Map(Message message, string minionId)
    {
        // Some actions carry detail after a colon, e.g. "exec_start: sh -c ..." or "health_status: healthy".
        var (action, detail) = SplitAction(message.Action ?? message.Status ?? "unknown");
        var attributes = new Dictionary<string, string>(message.Actor?.Attributes ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        var data = new Dictionary<string, object?>
        {
            ["id"] = message.Actor?.ID ?? message.ID,
            ["name"] = attributes.GetValueOrDefault("name"),
            ["image"] = attributes.GetValueOrDefault("image") ?? message.From,
            ["action"] = action,
        };
        if (attributes.TryGetValue("exitCode", out var exitText) && int.TryParse(exitText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var exitCode))
        {
            data["exitCode"] = exitCode;
        }

        if (detail is not null)
        {
            data["detail"] = detail;
        }

        data["labels"] = attributes.Where(a => !EngineAttributes.Contains(a.Key)).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        data["attributes"] = attributes;
        return new EventEnvelope
        {
            Id = EventEnvelope.NewId(),
            Tag = $"minion/{minionId}/docker/container/{action}",
            Source = $"/minion/{minionId}",
            Time = ToTime(message),
            Minion = minionId,
            Data = JsonSerializer.SerializeToElement(data),
        };
    }

    private static (string Action, string? Detail) SplitAction(string action)
    {
        var colon = action.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (action, null) : (action[..colon].Trim(), action[(colon + 1)..].Trim());
    }

    private static DateTimeOffset ToTime(Message message) =>
        message.TimeNano > 0
            ? DateTimeOffset.UnixEpoch.AddTicks(message.TimeNano / 100)
            : message.Time > 0 ? DateTimeOffset.FromUnixTimeSeconds(message.Time) : DateTimeOffset.UtcNow;
}
