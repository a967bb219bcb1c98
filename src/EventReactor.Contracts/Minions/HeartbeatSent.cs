using System.Text.Json.Serialization;

namespace EventReactor.Contracts.Minions;

/// <summary>
/// The data of <c>minion/&lt;id&gt;/heartbeat</c>. <see cref="Sequence"/> restarts from 1 when the minion restarts, which
/// tells a restart from a network gap.
/// </summary>
public sealed record HeartbeatSent(
    [property: JsonPropertyName("intervalSeconds")] double IntervalSeconds,
    [property: JsonPropertyName("sequence")] long Sequence,
    [property: JsonPropertyName("summary")] HostSummary? Summary);
