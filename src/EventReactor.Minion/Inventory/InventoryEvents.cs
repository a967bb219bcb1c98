using EventReactor.Contracts;
using EventReactor.Contracts.Minions;

namespace EventReactor.Minion.Inventory;

internal static class InventoryEvents
{
    public static EventEnvelope Inventory(string minionId, Grains.Grains grains) =>
        EventEnvelope.Create(MinionTags.Inventory(minionId), MinionTags.Source(minionId), GrainsJson.ToElement(grains), minionId);
}
