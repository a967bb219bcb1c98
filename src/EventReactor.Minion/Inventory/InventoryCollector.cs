using System.Text.Json;
using EventReactor.Contracts.Inventory;
using EventReactor.Minion.Inventory.Parsing;
using EventReactor.Minion.Inventory.Probing;
using Microsoft.Extensions.Options;

namespace EventReactor.Minion.Inventory;

/// <summary>
/// Reads the host through <see cref="IHostProbe"/> and the engine through <see cref="IDockerFactsSource"/> and turns
/// what it finds into grains. A section that fails becomes empty plus a warning; the rest is still reported.
/// </summary>
internal sealed class InventoryCollector(IHostProbe probe, IDockerFactsSource docker, IOptions<MinionOptions> options)
{
    private static readonly JsonElement EmptyObject = JsonSerializer.SerializeToElement(new Dictionary<string, string>());

    public async Task<Grains> CollectAsync(CancellationToken cancellationToken)
    {
        var warnings = new List<string>();
        var cpuinfo = probe.ReadFile("/proc/cpuinfo");
        var dockerGrains = await docker.GetAsync(cancellationToken);
        if (dockerGrains is null)
        {
            warnings.Add($"docker: no engine answered at {options.Value.ResolveDockerEndpoint()}");
        }

        var dockerRoot = Section("dockerRoot", warnings, null, () => StorageInventory.DockerRoot(probe, dockerGrains?.RootDir ?? StorageInventory.DefaultDockerRoot));
        warnings.AddRange(DockerRootInspector.Warnings(dockerRoot, dockerGrains));
        var devices = await SectionAsync("pci", warnings, [], () => PciInventory.DevicesAsync(probe, cancellationToken));
        return new Grains
        {
            Os = Section("os", warnings, new OsGrains(null, null, null), () =>
                OsReleaseParser.Parse(probe.ReadFile("/etc/os-release") ?? probe.ReadFile("/usr/lib/os-release"), probe.ReadFile("/proc/sys/kernel/osrelease"))),
            Cpu = Section("cpu", warnings, new CpuGrains(null, null, null, 0, 0, 0, []), () =>
                CpuInfoParser.Parse(cpuinfo ?? throw new IOException("/proc/cpuinfo cannot be read"), probe.ReadFile("/proc/sys/kernel/arch"))),
            Memory = new MemoryGrains(MemInfoParser.TotalBytes(probe.ReadFile("/proc/meminfo")) ?? 0),
            Numa = Section("numa", warnings, [], () => SystemInventory.NumaNodes(probe)),
            Disks = Section("disks", warnings, [], () => StorageInventory.Disks(probe)),
            DockerRoot = dockerRoot,
            Docker = dockerGrains,
            Gpus = await SectionAsync("gpus", warnings, [], () => PciInventory.GpusAsync(probe, devices, cancellationToken)),
            Accelerators = Section("accelerators", warnings, [], () => PciClassifier.Accelerators(devices)),
            Network = Section("network", warnings, [], () => SystemInventory.NetworkInterfaces(probe)),
            Virtualization = Section("virtualization", warnings, new VirtualizationGrains("unknown", null, null, null, null), () =>
                SystemInventory.Virtualization(probe, CpuInfoParser.HasFlag(cpuinfo, "hypervisor"))),
            Custom = Section("custom", warnings, EmptyObject, () => CustomGrainsReader.Read(options.Value.GrainsFile, options.Value.Grains, warnings)),
            Warnings = warnings,
        };
    }

    // A host can surprise any parser; one bad section must not cost the minion its whole inventory (or its life,
    // since an exception out of a BackgroundService stops the host).
    private static T Section<T>(string name, List<string> warnings, T fallback, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            warnings.Add($"{name}: {ex.Message}");
            return fallback;
        }
    }

    private static async Task<T> SectionAsync<T>(string name, List<string> warnings, T fallback, Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            warnings.Add($"{name}: {ex.Message}");
            return fallback;
        }
    }
}
