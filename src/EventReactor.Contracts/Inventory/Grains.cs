using System.Text.Json;

namespace EventReactor.Contracts.Inventory;

/// <summary>
/// What a minion knows about its host, published as <c>minion/&lt;id&gt;/inventory</c>. The shape is documented in
/// <c>docs/grains.md</c>; every key is always present (null or empty when not known) so that rules can rely on it.
/// </summary>
public sealed record Grains
{
    /// <summary>Operating system and kernel.</summary>
    public required OsGrains Os { get; init; }

    /// <summary>Processors.</summary>
    public required CpuGrains Cpu { get; init; }

    /// <summary>Installed memory.</summary>
    public required MemoryGrains Memory { get; init; }

    /// <summary>NUMA nodes.</summary>
    public required IReadOnlyList<NumaNodeGrains> Numa { get; init; }

    /// <summary>Block devices (no loop, RAM or device-mapper devices).</summary>
    public required IReadOnlyList<DiskGrains> Disks { get; init; }

    /// <summary>The file system under Docker's data root; null when it could not be read.</summary>
    public DockerRootGrains? DockerRoot { get; init; }

    /// <summary>The Docker engine; null when no engine answered.</summary>
    public DockerGrains? Docker { get; init; }

    /// <summary>GPUs.</summary>
    public required IReadOnlyList<GpuGrains> Gpus { get; init; }

    /// <summary>Other accelerators: FPGAs and processing accelerators.</summary>
    public required IReadOnlyList<AcceleratorGrains> Accelerators { get; init; }

    /// <summary>Network interfaces (no loopback or container veths).</summary>
    public required IReadOnlyList<NetworkInterfaceGrains> Network { get; init; }

    /// <summary>Virtualisation and cloud, from DMI.</summary>
    public required VirtualizationGrains Virtualization { get; init; }

    /// <summary>Operator-defined grains from <c>Minion:GrainsFile</c> and <c>Minion:Grains</c>; a JSON object.</summary>
    public required JsonElement Custom { get; init; }

    /// <summary>Problems found on the host or while collecting, in words.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }
}
