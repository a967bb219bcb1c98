using EventReactor.Contracts.Inventory;
using EventReactor.Minion.Inventory.Parsing;
using EventReactor.Minion.Inventory.Probing;

namespace EventReactor.Minion.Inventory;

/// <summary>Collects GPUs and accelerators: nvidia-smi for NVIDIA, else lspci and sysfs.</summary>
internal static class PciInventory
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(15);

    public static async Task<IReadOnlyList<PciDevice>> DevicesAsync(IHostProbe probe, CancellationToken cancellationToken)
    {
        // lspci names devices and drivers; sysfs always has the ids, which is enough to classify.
        var lspci = await probe.RunAsync("lspci", ["-vmm", "-nn", "-k", "-D"], CommandTimeout, cancellationToken);
        var devices = LspciParser.Parse(lspci);
        return devices.Count > 0 ? devices : FromSysfs(probe);
    }

    public static async Task<IReadOnlyList<GpuGrains>> GpusAsync(IHostProbe probe, IReadOnlyList<PciDevice> devices, CancellationToken cancellationToken)
    {
        var nvidia = devices.Any(d => d.VendorId == "10de" && PciClassifier.IsGpu(d)) || probe.ListDirectory("/proc/driver/nvidia/gpus").Count > 0
            ? NvidiaSmiParser.Parse(await probe.RunAsync("nvidia-smi", NvidiaSmiParser.Arguments, CommandTimeout, cancellationToken))
            : [];
        var cards = DrmCards(probe).ToDictionary(card => card.PciAddress, StringComparer.Ordinal);
        var byAddress = new SortedDictionary<string, GpuGrains>(StringComparer.Ordinal);
        foreach (var gpu in PciClassifier.Gpus(devices))
        {
            var address = gpu.PciAddress ?? string.Empty;
            byAddress[address] = cards.TryGetValue(address, out var card)
                ? gpu with { MemoryBytes = card.VramBytes, Uuid = card.UniqueId, Driver = gpu.Driver ?? card.Driver }
                : gpu;
        }

        // nvidia-smi knows memory, UUID and driver version; it replaces what lspci said of the same device.
        foreach (var gpu in nvidia)
        {
            byAddress[gpu.PciAddress ?? gpu.Uuid ?? string.Empty] = gpu;
        }

        return byAddress.Values.ToList();
    }

    private static IReadOnlyList<PciDevice> FromSysfs(IHostProbe probe)
    {
        const string Devices = "/sys/bus/pci/devices";
        var result = new List<PciDevice>();
        foreach (var address in probe.ListDirectory(Devices))
        {
            var classCode = Hex(probe.ReadFile($"{Devices}/{address}/class"));
            var vendor = Hex(probe.ReadFile($"{Devices}/{address}/vendor"));
            var device = Hex(probe.ReadFile($"{Devices}/{address}/device"));
            if (classCode is { Length: >= 4 } && vendor is not null && device is not null)
            {
                result.Add(new PciDevice(PciAddress.Normalize(address), classCode[..4], vendor, device));
            }
        }

        return result;
    }

    private static IEnumerable<DrmCard> DrmCards(IHostProbe probe)
    {
        const string Drm = "/sys/class/drm";
        foreach (var card in probe.ListDirectory(Drm).Where(name => name.StartsWith("card", StringComparison.Ordinal) && !name.Contains('-', StringComparison.Ordinal)))
        {
            var device = $"{Drm}/{card}/device";
            if (DrmCard.FromUevent(probe.ReadFile($"{device}/uevent"), probe.ReadFile($"{device}/mem_info_vram_total"), probe.ReadFile($"{device}/unique_id")) is { } parsed)
            {
                yield return parsed;
            }
        }
    }

    // sysfs writes ids as "0x10de" and the class as "0x030200".
    private static string? Hex(string? text) =>
        TextLines.Trimmed(text) is { } value ? (value.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? value[2..] : value).ToLowerInvariant() : null;
}
