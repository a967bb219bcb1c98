using EventReactor.Contracts;

namespace EventReactor.Minion.Inventory;

internal static class InventoryEvents
{
    public static EventEnvelope Inventory(string minionId, Grains.Grains grains) =>
        EventEnvelope.Create($"minion/{minionId}/inventory", $"/minion/{minionId}", GrainsJson.ToElement(grains), minionId);
}
