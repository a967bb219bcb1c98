using EventReactor.Contracts;
using EventReactor.Contracts.Minions;

namespace EventReactor.Minion.Presence;

/// <summary>
/// <c>minion/&lt;id&gt;/start</c>, <c>minion/&lt;id&gt;/heartbeat</c> and <c>minion/&lt;id&gt;/stop</c>. Both carry <c>intervalSeconds</c>, so that the
/// reactor can count missed beats without knowing the minion's configuration, and a grains summary.
/// </summary>
internal static class PresenceEvents
{
    public static EventEnvelope Start(string minionId, TimeSpan heartbeatInterval, HostSummary? summary) =>
        Create(minionId, MinionTags.Start(minionId), new MinionStarted(heartbeatInterval.TotalSeconds, summary));

    public static EventEnvelope Heartbeat(string minionId, TimeSpan heartbeatInterval, long sequence, HostSummary? summary) =>
        Create(minionId, MinionTags.Heartbeat(minionId), new HeartbeatSent(heartbeatInterval.TotalSeconds, sequence, summary));

    /// <summary>Said on a graceful shutdown, so the reactor marks the minion lost at once rather than after three missed beats.</summary>
    public static EventEnvelope Stop(string minionId) => Create(minionId, MinionTags.Stop(minionId), new MinionStopped());

    private static EventEnvelope Create<T>(string minionId, string tag, T data) where T : class =>
        EventEnvelope.Create(tag, MinionTags.Source(minionId), EventData.ToElement(data), minionId);
}
