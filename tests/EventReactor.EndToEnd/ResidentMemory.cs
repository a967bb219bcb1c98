using System.Globalization;

namespace EventReactor.EndToEnd;

/// <summary>A process's resident set (VmRSS from /proc), in MB; NaN once it has ended.</summary>
internal static class ResidentMemory
{
    public static double Megabytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? double.NaN : long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }
}
