using EventReactor.Contracts.Inventory;
using EventReactor.Contracts;
using EventReactor.Contracts.Minions;

namespace EventReactor.Minion.Inventory;

internal static class InventoryEvents
{
    public static EventEnvelope Inventory(string minionId, Grains grains) =>
        EventEnvelope.Create(MinionTags.Inventory(minionId), MinionTags.Source(minionId), GrainsJson.ToElement(grains), minionId);
}
