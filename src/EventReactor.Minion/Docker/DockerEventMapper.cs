using System.Globalization;
using Docker.DotNet.Models;
using EventReactor.Contracts;
using EventReactor.Contracts.Containers;
using EventReactor.Contracts.Minions;

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
        var containerId = message.Actor?.ID ?? message.ID;
        var data = new ContainerStateChanged(
            containerId,
            attributes.GetValueOrDefault("name"),
            attributes.GetValueOrDefault("image") ?? message.From,
            action,
            attributes.TryGetValue("exitCode", out var exitText) && int.TryParse(exitText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var exitCode) ? exitCode : null,
            detail,
            attributes.Where(a => !EngineAttributes.Contains(a.Key)).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal),
            attributes);
        return new EventEnvelope
        {
            Id = EngineEventIds.For(minionId, containerId ?? string.Empty, message.Action ?? message.Status ?? "unknown", message.TimeNano, reconciled: false),
            Tag = MinionTags.ContainerEvent(minionId, action),
            Source = MinionTags.Source(minionId),
            Time = ToTime(message),
            Minion = minionId,
            Data = EventData.ToElement(data),
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

        if (transition.ExitCode is { } exitCode)
        {
            attributes["exitCode"] = exitCode.ToString(CultureInfo.InvariantCulture);
        }

        var data = new ContainerStateChanged(
            transition.ContainerId,
            transition.Name,
            transition.Image,
            transition.Action,
            (int?)transition.ExitCode,
            null,
            transition.Labels,
            attributes,
            Reconciled: true);
        return new EventEnvelope
        {
            Id = EngineEventIds.For(minionId, transition.ContainerId, transition.Action, transition.TimeNano, reconciled: true),
            Tag = MinionTags.ContainerEvent(minionId, transition.Action),
            Source = MinionTags.Source(minionId),
            Time = transition.TimeNano > 0 ? EngineTime.ToTime(transition.TimeNano) : DateTimeOffset.UtcNow,
            Minion = minionId,
            Data = EventData.ToElement(data),
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
