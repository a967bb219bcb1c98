using System.Globalization;

namespace EventReactor.Minion.Inventory.Parsing;

/// <summary>Reads <c>MemTotal</c> from /proc/meminfo or a NUMA node's meminfo (<c>Node 0 MemTotal: ... kB</c>).</summary>
internal static class MemInfoParser
{
    public static long? TotalBytes(string? meminfo)
    {
        foreach (var line in TextLines.Of(meminfo))
        {
            var at = line.IndexOf("MemTotal:", StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var parts = line[(at + "MemTotal:".Length)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 0 && long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                var kibibytes = parts.Length > 1 && parts[1].Equals("kB", StringComparison.OrdinalIgnoreCase);
                return kibibytes ? value * 1024 : value;
            }
        }

        return null;
    }
}
