using System.Globalization;
using EventReactor.Contracts.Inventory;

namespace EventReactor.Minion.Inventory.Parsing;

/// <summary>
/// Reads <c>nvidia-smi --query-gpu=index,name,uuid,memory.total,driver_version,pci.bus_id --format=csv,noheader,nounits</c>.
/// </summary>
internal static class NvidiaSmiParser
{
    public static readonly IReadOnlyList<string> Arguments =
    [
        "--query-gpu=index,name,uuid,memory.total,driver_version,pci.bus_id",
        "--format=csv,noheader,nounits",
    ];

    public static IReadOnlyList<GpuGrains> Parse(string? output)
    {
        var gpus = new List<GpuGrains>();
        foreach (var line in TextLines.Of(output))
        {
            var fields = line.Split(',').Select(field => field.Trim()).ToArray();
            if (fields.Length < 6 || !int.TryParse(fields[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            {
                continue;
            }

            long? memory = long.TryParse(fields[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var mebibytes)
                ? mebibytes * 1024 * 1024
                : null;
            gpus.Add(new GpuGrains(
                "NVIDIA",
                Known(fields[1]),
                memory,
                Known(fields[4]),
                Known(fields[2]),
                Known(fields[5]) is { } busId ? PciAddress.Normalize(busId) : null));
        }

        return gpus;
    }

    // nvidia-smi writes "[N/A]" or "[Not Supported]" for what it cannot tell.
    private static string? Known(string field) => field.Length == 0 || field.StartsWith('[') ? null : field;
}
