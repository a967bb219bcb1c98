namespace EventReactor.Minion.Inventory.Parsing;

/// <summary>What <c>/sys/class/drm/cardN/device</c> tells of a GPU that nvidia-smi does not cover (AMD, Intel).</summary>
internal sealed record DrmCard(string PciAddress, string? Driver, long? VramBytes, string? UniqueId)
{
    /// <summary>Reads the device's <c>uevent</c> (<c>DRIVER=amdgpu</c>, <c>PCI_SLOT_NAME=0000:63:00.0</c>).</summary>
    public static DrmCard? FromUevent(string? uevent, string? vramTotal, string? uniqueId)
    {
        var values = TextLines.Of(uevent)
            .Select(line => line.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .GroupBy(pair => pair[0], StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First()[1].Trim(), StringComparer.Ordinal);
        if (!values.TryGetValue("PCI_SLOT_NAME", out var slot))
        {
            return null;
        }

        long? vram = long.TryParse(vramTotal?.Trim(), System.Globalization.CultureInfo.InvariantCulture, out var bytes) ? bytes : null;
        return new DrmCard(Parsing.PciAddress.Normalize(slot), values.GetValueOrDefault("DRIVER"), vram, TextLines.Trimmed(uniqueId));
    }
}
