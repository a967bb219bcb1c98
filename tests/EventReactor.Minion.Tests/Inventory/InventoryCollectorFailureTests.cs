using EventReactor.Minion.Inventory;
using EventReactor.Minion.Inventory.Probing;
using Microsoft.Extensions.Options;

namespace EventReactor.Minion.Tests.Inventory;

public sealed class InventoryCollectorFailureTests
{
    [Fact]
    public async Task CollectAsync_OneSectionThrows_ReportsTheRestAndWarns()
    {
        var probe = new ThrowingProbe(Fixtures.Probe(Fixtures.K80Host), "/sys/block");
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

    private sealed class ThrowingProbe(IHostProbe inner, string brokenDirectory) : IHostProbe
    {
        public string? ReadFile(string path) => inner.ReadFile(path);

        public IReadOnlyList<string> ListDirectory(string path) =>
            path == brokenDirectory ? throw new UnauthorizedAccessException($"{path}: permission denied") : inner.ListDirectory(path);

        public FileSystemUsage? GetFileSystemUsage(string path) => inner.GetFileSystemUsage(path);

        public Task<string?> RunAsync(string program, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken) =>
            inner.RunAsync(program, arguments, timeout, cancellationToken);
    }
}
