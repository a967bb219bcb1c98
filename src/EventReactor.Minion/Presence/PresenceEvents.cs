using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Minion.Inventory;

namespace EventReactor.Minion.Presence;

/// <summary>
/// <c>minion/&lt;id&gt;/start</c> and <c>minion/&lt;id&gt;/heartbeat</c>. Both carry <c>intervalSeconds</c>, so that the
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

    private static EventEnvelope Create(string minionId, string what, Dictionary<string, object?> data) =>
        EventEnvelope.Create(
            $"minion/{minionId}/{what}",
            $"/minion/{minionId}",
            JsonSerializer.SerializeToElement(data, GrainsJson.Options),
            minionId);
}
