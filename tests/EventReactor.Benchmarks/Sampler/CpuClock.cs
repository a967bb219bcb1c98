using System.Diagnostics;
using System.Globalization;

namespace EventReactor.Benchmarks.Sampler;

/// <summary>CPU time of this process and of dockerd (where the stats API's work is done), read from the kernel.</summary>
internal sealed class CpuClock
{
    private static readonly double TicksPerSecond = 100; // USER_HZ; 100 on every Linux the minion targets

    private readonly int? _dockerdPid = FindProcess("dockerd");

    public bool SeesDockerd => _dockerdPid is not null;

    public (TimeSpan Own, TimeSpan Dockerd) Now()
    {
        using var self = Process.GetCurrentProcess();
        return (self.TotalProcessorTime, _dockerdPid is { } pid ? ReadProcessCpu(pid) : TimeSpan.Zero);
    }

    /// <summary>utime + stime from /proc/&lt;pid&gt;/stat (fields 14 and 15, counted after the parenthesised name).</summary>
    private static TimeSpan ReadProcessCpu(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    private static int? FindProcess(string name)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid)
                && File.Exists(Path.Combine(directory, "comm"))
                && TryRead(Path.Combine(directory, "comm"))?.Trim() == name)
            {
                return pid;
            }
        }

        return null;
    }

    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
