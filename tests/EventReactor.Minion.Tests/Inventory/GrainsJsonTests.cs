using EventReactor.Minion.Inventory;

namespace EventReactor.Minion.Tests.Inventory;

public sealed class GrainsJsonTests
{
    [Fact]
    public async Task ToElement_AnyHost_HasEveryDocumentedKey()
    {
        var grains = await Fixtures.CollectAsync(Fixtures.AlveoHost);

        var json = GrainsJson.ToElement(grains);

        Assert.Equal(
            ["os", "cpu", "memory", "numa", "disks", "dockerRoot", "docker", "gpus", "accelerators", "network", "virtualization", "custom", "warnings"],
            json.EnumerateObject().Select(property => property.Name));
        Assert.Equal(
            ["vendor", "model", "architecture", "sockets", "cores", "threads", "flags"],
            json.GetProperty("cpu").EnumerateObject().Select(property => property.Name));
        Assert.Equal(
            ["vendor", "model", "kind", "pciAddress", "driver"],
            json.GetProperty("accelerators")[0].EnumerateObject().Select(property => property.Name));
    }
}
