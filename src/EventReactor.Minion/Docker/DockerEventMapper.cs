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
            Id = EngineEventIds.For(minionId, (string?)data["id"] ?? string.Empty, message.Action ?? message.Status ?? "unknown", message.TimeNano, reconciled: false),
            Tag = $"minion/{minionId}/docker/container/{action}",
            Source = $"/minion/{minionId}",
            Time = ToTime(message),
            Minion = minionId,
            Data = JsonSerializer.SerializeToElement(data),
        };
    }

    /// <summary>A transition found by reconciliation, in the same shape as a streamed event, marked <c>reconciled: true</c>.</summary>
    public static EventEnvelope MapReconciled(ContainerTransition transition, string minionId)
    {
        var attributes = new Dictionary<string, string>(transition.Labels, StringComparer.Ordinal);
        if (transition.Name is not null)
        {
            attributes["name"] = transition.Name;
        }

        if (transition.Image is not null)
        {
            attributes["image"] = transition.Image;
        }

        var data = new Dictionary<string, object?>
        {
            ["id"] = transition.ContainerId,
            ["name"] = transition.Name,
            ["image"] = transition.Image,
            ["action"] = transition.Action,
        };
        if (transition.ExitCode is { } exitCode)
        {
            data["exitCode"] = exitCode;
            attributes["exitCode"] = exitCode.ToString(CultureInfo.InvariantCulture);
        }

        data["labels"] = transition.Labels;
        data["attributes"] = attributes;
        data["reconciled"] = true;
        return new EventEnvelope
        {
            Id = EngineEventIds.For(minionId, transition.ContainerId, transition.Action, transition.TimeNano, reconciled: true),
            Tag = $"minion/{minionId}/docker/container/{transition.Action}",
            Source = $"/minion/{minionId}",
            Time = transition.TimeNano > 0 ? EngineTime.ToTime(transition.TimeNano) : DateTimeOffset.UtcNow,
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
