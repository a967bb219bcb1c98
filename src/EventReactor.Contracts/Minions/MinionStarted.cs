using System.Text.Json.Serialization;

namespace EventReactor.Contracts.Minions;

/// <summary>
/// The data of <c>minion/&lt;id&gt;/start</c>: the heartbeat interval, so that the reactor counts missed beats without the
/// minion's configuration, and a summary of its grains (null before the first inventory).
/// </summary>
public sealed record MinionStarted(
    [property: JsonPropertyName("intervalSeconds")] double IntervalSeconds,
    [property: JsonPropertyName("summary")] HostSummary? Summary);
