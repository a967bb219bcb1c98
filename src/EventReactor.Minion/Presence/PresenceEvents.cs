using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Minion.Inventory;

namespace EventReactor.Minion.Presence;

/// <summary>
/// <c>minion/&lt;id&gt;/start</c>, <c>minion/&lt;id&gt;/heartbeat</c> and <c>minion/&lt;id&gt;/stop</c>. Both carry <c>intervalSeconds</c>, so that the
/// reactor can count missed beats without knowing the minion's configuration, and a grains summary.
/// </summary>
internal static class PresenceEvents
{
    public static EventEnvelope Start(string minionId, TimeSpan heartbeatInterval, GrainsSummary? summary) =>
        Create(minionId, "start", new Dictionary<string, object?>
        {
            ["intervalSeconds"] = heartbeatInterval.TotalSeconds,
            ["summary"] = summary,
        });

    public static EventEnvelope Heartbeat(string minionId, TimeSpan heartbeatInterval, long sequence, GrainsSummary? summary) =>
        Create(minionId, "heartbeat", new Dictionary<string, object?>
        {
            ["intervalSeconds"] = heartbeatInterval.TotalSeconds,
            // Restarts from 1 when the minion restarts, which tells a restart from a network gap.
            ["sequence"] = sequence,
            ["summary"] = summary,
        });

    /// <summary>Said on a graceful shutdown, so the reactor marks the minion lost at once rather than after three missed beats.</summary>
    public static EventEnvelope Stop(string minionId) => Create(minionId, "stop", []);

    private static EventEnvelope Create(string minionId, string what, Dictionary<string, object?> data) =>
        EventEnvelope.Create(
            $"minion/{minionId}/{what}",
            $"/minion/{minionId}",
            JsonSerializer.SerializeToElement(data, GrainsJson.Options),
            minionId);
}
