using System.Diagnostics;
using System.Globalization;

namespace EventReactor.IntegrationTests.Infrastructure;

/// <summary>Sends signals and finds processes by their arguments, for minions that run detached from the test.</summary>
internal static class Signals
{
    public static void Send(int pid, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-s", signal, pid.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false, RedirectStandardError = true });
        kill?.WaitForExit();
    }

    /// <summary>Pids of running <c>eventreactor minion</c> processes whose arguments contain the given ones in order, e.g. <c>--id sim-1</c>.</summary>
    public static IReadOnlyList<int> FindMinions(params string[] arguments)
    {
        var found = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var cmdline = File.ReadAllText(Path.Combine(directory, "cmdline")).Split('\0');
                if (cmdline.Contains("minion") && Enumerable.Range(0, cmdline.Length - arguments.Length + 1).Any(i => cmdline.Skip(i).Take(arguments.Length).SequenceEqual(arguments)))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
                // Gone while we looked.
            }
        }

        return found;
    }
}
