using System.Text.Json;

namespace EventReactor.Core.Targeting;

/// <summary>A minion a target may name: its id, its grains (if reported) and the pools it belongs to.</summary>
public sealed record TargetCandidate(string Id, JsonElement? Grains, IReadOnlyCollection<string> Pools);
