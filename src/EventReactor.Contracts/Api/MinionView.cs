using System.Text.Json;

namespace EventReactor.Contracts.Api;

/// <summary>A minion as <c>GET /api/minions</c> lists it.</summary>
/// <param name="Id">The minion's id.</param>
/// <param name="FirstSeen">When the reactor first heard of it.</param>
/// <param name="LastSeen">Its latest heartbeat or event.</param>
/// <param name="Present">Whether its heartbeats arrive.</param>
/// <param name="HeartbeatSeconds">The interval it said it beats at.</param>
/// <param name="Grains">Its inventory (<c>os</c>, <c>cpu</c>, <c>gpus</c>, ...), as it reported it; null before the first.</param>
/// <param name="Pools">The pools it is a member of.</param>
public sealed record MinionView(
    string Id,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    bool Present,
    double HeartbeatSeconds,
    JsonElement? Grains,
    IReadOnlyList<string> Pools);
