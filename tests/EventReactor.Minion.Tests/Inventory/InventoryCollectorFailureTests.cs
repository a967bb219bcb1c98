using EventReactor.Minion.Inventory;
using Microsoft.Extensions.Options;

namespace EventReactor.Minion.Tests.Inventory;

public sealed class InventoryCollectorFailureTests
{
    [Fact]
    public async Task CollectAsync_OneSectionThrows_ReportsTheRestAndWarns()
    {
        var probe = new ThrowingHostProbe(Fixtures.Probe(Fixtures.K80Host), "/sys/block");
        var collector = new InventoryCollector(probe, new FixtureDockerFactsSource(Fixtures.Root(Fixtures.K80Host)), Options.Create(new MinionOptions { Id = "test" }));

        var grains = await collector.CollectAsync(CancellationToken.None);

        Assert.Empty(grains.Disks);
        Assert.Contains(grains.Warnings, warning => warning.StartsWith("disks:", StringComparison.Ordinal));
        Assert.Equal(2, grains.Gpus.Count);
    }

    [Fact]
    public async Task CollectAsync_NoEngine_ReportsDockerNullAndWarns()
    {
        var collector = new InventoryCollector(Fixtures.Probe(Fixtures.K80Host), new FixtureDockerFactsSource("/nonexistent"), Options.Create(new MinionOptions { Id = "test", Docker = "unix:///tmp/none.sock" }));

        var grains = await collector.CollectAsync(CancellationToken.None);

        Assert.Null(grains.Docker);
        Assert.Contains("docker: no engine answered at unix:///tmp/none.sock", grains.Warnings);
        Assert.NotNull(grains.DockerRoot); // the default root is still measured
    }
}
