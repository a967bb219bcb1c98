using System.Text.Json;

namespace EventReactor.Reactor.Minions;

/// <summary>What the reactor knows of a minion.</summary>
public sealed record MinionRecord(
    string Id,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    bool Present,
    double HeartbeatSeconds,
    JsonElement? Grains);
