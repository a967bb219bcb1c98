using EventReactor.Contracts.Inventory;

namespace EventReactor.Minion.Inventory.Parsing;

/// <summary>Picks the GPUs and the other accelerators out of the PCI devices.</summary>
internal static class PciClassifier
{
    public static IReadOnlyList<GpuGrains> Gpus(IEnumerable<PciDevice> devices) =>
        devices
            .Where(IsGpu)
            .Select(d => new GpuGrains(PciCatalog.GpuVendors[d.VendorId], ModelName(d), null, d.Driver, null, d.Address))
            .ToList();

    public static IReadOnlyList<AcceleratorGrains> Accelerators(IEnumerable<PciDevice> devices) =>
        devices
            .Where(IsAccelerator)
            // A card such as an Alveo shows as several functions (management, user); it is one accelerator.
            .GroupBy(d => PciAddress.Slot(d.Address), StringComparer.Ordinal)
            .Select(functions => ToAccelerator(functions.OrderBy(d => d.Address, StringComparer.Ordinal).First()))
            .ToList();

    /// <summary>Display class (03xx) from a GPU vendor, except BMC VGA chips.</summary>
    public static bool IsGpu(PciDevice device) =>
        device.ClassCode.StartsWith("03", StringComparison.Ordinal)
        && PciCatalog.GpuVendors.ContainsKey(device.VendorId)
        && !PciCatalog.NotGpus.Contains($"{device.VendorId}:{device.DeviceId}");

    private static bool IsAccelerator(PciDevice device) =>
        device.ClassCode.StartsWith("12", StringComparison.Ordinal)
        || PciCatalog.FpgaVendors.ContainsKey(device.VendorId)
        || PciCatalog.Accelerators.ContainsKey($"{device.VendorId}:{device.DeviceId}");

    private static AcceleratorGrains ToAccelerator(PciDevice device)
    {
        var key = $"{device.VendorId}:{device.DeviceId}";
        var known = PciCatalog.Accelerators.TryGetValue(key, out var entry) ? entry : default((string Model, string Kind)?);
        var vendor = PciCatalog.AcceleratorVendors.GetValueOrDefault(device.VendorId) ?? device.VendorName ?? device.VendorId;
        var kind = known?.Kind ?? (PciCatalog.FpgaVendors.ContainsKey(device.VendorId) ? "fpga" : "accelerator");
        return new AcceleratorGrains(vendor, known?.Model ?? ModelName(device) ?? key, kind, device.Address, device.Driver);
    }

    /// <summary>
    /// The marketing name: lspci writes <c>GK210GL [Tesla K80]</c>, so the bracketed part wins, and the subsystem
    /// name (the board) before the chip; <c>Device 5004</c> is what lspci says when pci.ids does not know it.
    /// </summary>
    public static string? ModelName(PciDevice device) =>
        Bracketed(device.SubsystemDeviceName)
        ?? Specific(device.SubsystemDeviceName)
        ?? Bracketed(device.DeviceName)
        ?? Specific(device.DeviceName);

    private static string? Bracketed(string? name)
    {
        if (name is null)
        {
            return null;
        }

        var open = name.IndexOf('[', StringComparison.Ordinal);
        var close = name.LastIndexOf(']');
        return open >= 0 && close > open ? TextLines.Trimmed(name[(open + 1)..close]) : null;
    }

    private static string? Specific(string? name) =>
        name is null || name == "Device" || name.StartsWith("Device ", StringComparison.Ordinal) ? null : name;
}
