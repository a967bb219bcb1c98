using EventReactor.Contracts.Inventory;
using EventReactor.Contracts.Minions;

namespace EventReactor.Minion.Inventory;

/// <summary>The few grains that <c>start</c> and <c>heartbeat</c> carry, so that a glance tells what the host is.</summary>
internal static class GrainsSummary
{
    public static HostSummary From(Grains grains) => new(
        grains.Os.Name is null ? null : $"{grains.Os.Name} {grains.Os.Version}".TrimEnd(),
        grains.Cpu.Model,
        grains.Cpu.Threads,
        grains.Memory.TotalBytes,
        grains.Gpus.Count,
        grains.Gpus.Select(gpu => gpu.Model).OfType<string>().Distinct(StringComparer.Ordinal).ToList(),
        grains.Accelerators.Count,
        grains.Virtualization.InstanceType);
}
