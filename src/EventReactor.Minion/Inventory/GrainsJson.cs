using System.Text.Json;

namespace EventReactor.Minion.Inventory;

/// <summary>The grains' JSON form: camelCase keys, nulls kept so that the shape never changes.</summary>
internal static class GrainsJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static JsonElement ToElement(Grains.Grains grains) => JsonSerializer.SerializeToElement(grains, Options);

    /// <summary>
    /// What decides whether the inventory changed: everything but free space and free inodes, which move all the time
    /// and would otherwise publish the inventory on every collection.
    /// </summary>
    public static string Fingerprint(Grains.Grains grains) =>
        JsonSerializer.Serialize(
            grains with { DockerRoot = grains.DockerRoot is { } root ? root with { FreeBytes = 0, InodesFree = 0 } : null },
            Options);
}
