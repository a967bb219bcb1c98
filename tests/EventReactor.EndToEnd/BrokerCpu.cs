using System.Globalization;

namespace EventReactor.EndToEnd;

/// <summary>
/// CPU time of the RabbitMQ node(s) on this machine (<c>beam.smp</c>, from /proc), so that a run can say what each
/// event costs the broker beside what it costs this process. Zero where the broker is elsewhere or /proc is not readable.
/// </summary>
internal static class BrokerCpu
{
    // /proc/PID/stat counts in clock ticks; 100 per second on Linux.
    private const double TicksPerSecond = 100;

    public static TimeSpan Read()
    {
        var total = 0L;
        try
        {
            foreach (var folder in Directory.EnumerateDirectories("/proc"))
            {
                var comm = Path.Combine(folder, "comm");
                if (int.TryParse(Path.GetFileName(folder), out _) && File.Exists(comm) && File.ReadAllText(comm).Trim() == "beam.smp")
                {
                    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
                    var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    total += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
            // A process that ended while being read: count what was read.
        }
        catch (UnauthorizedAccessException)
        {
            return TimeSpan.Zero;
        }

        return TimeSpan.FromSeconds(total / TicksPerSecond);
    }
}
