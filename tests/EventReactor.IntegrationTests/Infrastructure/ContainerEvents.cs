using EventReactor.Contracts;

namespace EventReactor.IntegrationTests.Infrastructure;

/// <summary>Reads container lifecycle events of one minion out of what a queue received.</summary>
internal static class ContainerEvents
{
    public static IEnumerable<EventEnvelope> Of(IEnumerable<EventEnvelope> received, string minionId, string action) =>
        received.Where(e => e.Tag == $"minion/{minionId}/docker/container/{action}");

    /// <summary>The container events of one minion; it also publishes start, inventory and heartbeats, which name no container.</summary>
    public static IEnumerable<EventEnvelope> OfMinion(IEnumerable<EventEnvelope> received, string minionId) =>
        received.Where(e => e.Tag.StartsWith($"minion/{minionId}/docker/container/", StringComparison.Ordinal));

    public static string ContainerId(EventEnvelope envelope) => envelope.Data.GetProperty("id").GetString()!;

    public static bool IsReconciled(EventEnvelope envelope) =>
        envelope.Data.TryGetProperty("reconciled", out var reconciled) && reconciled.GetBoolean();

    /// <summary>The distinct die events (by event id) per container: the reactor acts once per id.</summary>
    public static Dictionary<string, List<EventEnvelope>> DiesByContainer(IEnumerable<EventEnvelope> received, string minionId) =>
        Of(received, minionId, "die").DistinctBy(e => e.Id).GroupBy(ContainerId).ToDictionary(g => g.Key, g => g.ToList());

    public static bool HasDiesFor(IEnumerable<EventEnvelope> received, string minionId, IEnumerable<string> containers)
    {
        var dead = Of(received, minionId, "die").Select(ContainerId).ToHashSet();
        return containers.All(dead.Contains);
    }

    /// <summary>How many events arrived more than once (at-least-once on the wire; same id each time).</summary>
    public static int WireDuplicates(IEnumerable<EventEnvelope> received) => received.GroupBy(e => e.Id).Sum(g => g.Count() - 1);
}
