using System.Globalization;

namespace EventReactor.EndToEnd;

/// <summary>CPU time of processes on this machine, from /proc: by pid, or every process of one command name.</summary>
internal static class ProcessCpu
{
    // /proc/PID/stat counts in clock ticks; 100 per second on Linux.
    private const double TicksPerSecond = 100;

    /// <summary>The CPU time of the given processes, summed; one that has ended counts nothing.</summary>
    public static TimeSpan OfPids(IEnumerable<int> pids) =>
        TimeSpan.FromSeconds(pids.Sum(pid => Ticks(Path.Combine("/proc", pid.ToString(CultureInfo.InvariantCulture)))) / TicksPerSecond);

    /// <summary>The CPU time of every process whose command is <paramref name="command"/> (e.g. <c>beam.smp</c>, <c>postgres</c>); zero where /proc is not readable.</summary>
    public static TimeSpan OfCommand(string command)
    {
        var total = 0L;
        try
        {
            foreach (var folder in Directory.EnumerateDirectories("/proc"))
            {
                var comm = Path.Combine(folder, "comm");
                if (int.TryParse(Path.GetFileName(folder), out _) && File.Exists(comm) && File.ReadAllText(comm).Trim() == command)
                {
                    total += Ticks(folder);
                }
            }
        }
        catch (UnauthorizedAccessException)
        {
            return TimeSpan.Zero;
        }

        return TimeSpan.FromSeconds(total / TicksPerSecond);
    }

    private static long Ticks(string folder)
    {
        try
        {
            // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
            var stat = File.ReadAllText(Path.Combine(folder, "stat"));
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            // A process that ended while being read.
            return 0;
        }
    }
}
