using System.Diagnostics;

namespace EventReactor.IntegrationTests.Infrastructure;

/// <summary>Runs a command-line tool a test needs (rabbitmqctl, ip, ssh-keygen, pg_ctl) and returns what it printed.</summary>
internal static class ExternalTool
{
    /// <summary>With <paramref name="check"/>, a non-zero exit fails with the command, its output and <paramref name="fix"/>.</summary>
    public static async Task<string> RunAsync(string file, IEnumerable<string> arguments, string fix, bool check = true)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot run {file}; {fix}");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (check && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', start.ArgumentList)} failed ({process.ExitCode}): {await output}{await errors}; {fix}");
        }

        return await output;
    }
}
