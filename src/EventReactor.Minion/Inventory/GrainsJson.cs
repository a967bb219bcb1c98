using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Contracts.Inventory;

namespace EventReactor.Minion.Inventory;

/// <summary>The grains' JSON form: the payload records' one form (<see cref="EventData.Options"/>: camelCase keys, nulls kept so that the shape never changes).</summary>
internal static class GrainsJson
{
    public static JsonElement ToElement(Grains grains) => EventData.ToElement(grains);

    /// <summary>
    /// What decides whether the inventory changed: everything but free space and free inodes, which move all the time
    /// and would otherwise publish the inventory on every collection.
    /// </summary>
    public static string Fingerprint(Grains grains) =>
        JsonSerializer.Serialize(
            grains with { DockerRoot = grains.DockerRoot is { } root ? root with { FreeBytes = 0, InodesFree = 0 } : null },
            EventData.Options);
}
