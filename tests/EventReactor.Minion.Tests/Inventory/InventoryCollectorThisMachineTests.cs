using EventReactor.Minion.Inventory;
using EventReactor.Contracts.Inventory;
using EventReactor.Minion.Inventory.Probing;
using Microsoft.Extensions.Options;

namespace EventReactor.Minion.Tests.Inventory;

/// <summary>
/// The machine the fixture <c>this-machine</c> was recorded on, and whichever machine runs the tests: the grains must
/// agree with /proc/cpuinfo and /proc/meminfo as read independently here.
/// </summary>
public sealed class InventoryCollectorThisMachineTests
{
    [Fact]
    public async Task CollectAsync_ThisMachineFixture_MatchesItsProcFiles()
    {
        var root = Fixtures.Root(Fixtures.ThisMachine);
        var grains = await Fixtures.CollectAsync(Fixtures.ThisMachine);

        AssertMatchesProc(grains, File.ReadAllLines(Path.Combine(root, "proc", "cpuinfo")), File.ReadAllLines(Path.Combine(root, "proc", "meminfo")));
        Assert.Equal(("AMD", "AMD EPYC"), (grains.Cpu.Vendor, grains.Cpu.Model));
        Assert.Contains("avx512f", grains.Cpu.Flags);
        Assert.Equal(("unknown", null), (grains.Virtualization.Hypervisor, grains.Virtualization.Cloud)); // a VM without DMI
        Assert.Equal(("20.10.24+dfsg1", "1.41", "1"), (grains.Docker!.Version, grains.Docker.ApiVersion, grains.Docker.CgroupVersion));
        Assert.Equal("ext4", grains.DockerRoot!.FsType);
        Assert.Equal(["vda"], grains.Disks.Select(disk => disk.Name));
    }

    [Fact]
    public async Task CollectAsync_LiveHost_MatchesProcCpuinfoAndMeminfo()
    {
        var collector = new InventoryCollector(new LocalHostProbe(), new AbsentDockerFactsSource(), Options.Create(new MinionOptions { Id = "test" }));

        var grains = await collector.CollectAsync(CancellationToken.None);

        AssertMatchesProc(grains, File.ReadAllLines("/proc/cpuinfo"), File.ReadAllLines("/proc/meminfo"));
        Assert.InRange(Environment.ProcessorCount, 1, grains.Cpu.Threads); // affinity may hide CPUs, never add them
        Assert.Contains(grains.Warnings, warning => warning.StartsWith("docker:", StringComparison.Ordinal));
    }

    private static void AssertMatchesProc(Grains grains, string[] cpuinfo, string[] meminfo)
    {
        string Value(string line) => line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        Assert.Equal(cpuinfo.Count(line => line.StartsWith("processor", StringComparison.Ordinal)), grains.Cpu.Threads);
        Assert.Equal(Value(cpuinfo.First(line => line.StartsWith("model name", StringComparison.Ordinal))), grains.Cpu.Model);
        var memTotalKib = long.Parse(Value(meminfo.First(line => line.StartsWith("MemTotal:", StringComparison.Ordinal))).Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(memTotalKib * 1024, grains.Memory.TotalBytes);
    }
}
