using System.Text.RegularExpressions;

namespace EventReactor.Minion.Inventory.Parsing;

/// <summary>Reads <c>lspci -vmm -nn -k -D</c>: blank-line-separated records of <c>Key:\tName [id]</c> lines.</summary>
internal static partial class LspciParser
{
    public static IReadOnlyList<PciDevice> Parse(string? output)
    {
        var devices = new List<PciDevice>();
        var record = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in TextLines.Of(output).Append(string.Empty))
        {
            if (line.Trim().Length > 0)
            {
                if (TextLines.SplitColon(line) is var (key, value))
                {
                    record.TryAdd(key, value);
                }

                continue;
            }

            if (ToDevice(record) is { } device)
            {
                devices.Add(device);
            }

            record.Clear();
        }

        return devices;
    }

    private static PciDevice? ToDevice(Dictionary<string, string> record)
    {
        if (!record.TryGetValue("Slot", out var slot)
            || !record.TryGetValue("Class", out var classText)
            || !record.TryGetValue("Vendor", out var vendorText)
            || !record.TryGetValue("Device", out var deviceText))
        {
            return null;
        }

        var (_, classCode) = SplitId(classText);
        var (vendorName, vendorId) = SplitId(vendorText);
        var (deviceName, deviceId) = SplitId(deviceText);
        if (classCode is null || vendorId is null || deviceId is null)
        {
            return null;
        }

        var subsystemName = record.TryGetValue("SDevice", out var subsystem) ? SplitId(subsystem).Name : null;
        return new PciDevice(
            PciAddress.Normalize(slot),
            classCode,
            vendorId,
            deviceId,
            vendorName,
            deviceName,
            subsystemName,
            record.GetValueOrDefault("Driver"));
    }

    /// <summary>Splits <c>NVIDIA Corporation [10de]</c> into the name and the trailing id.</summary>
    public static (string? Name, string? Id) SplitId(string text)
    {
        var match = TrailingId().Match(text);
        return match.Success
            ? (TextLines.Trimmed(text[..match.Index]), match.Groups["id"].Value.ToLowerInvariant())
            : (TextLines.Trimmed(text), null);
    }

    [GeneratedRegex(@"\s*\[(?<id>[0-9A-Fa-f]{4})\]\s*$")]
    private static partial Regex TrailingId();
}
