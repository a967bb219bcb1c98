using System.Diagnostics;
using System.Runtime.Versioning;
using EventReactor.Reactor.Pools.Provisioning.Ssh;

namespace EventReactor.Reactor.Tests.Pools.Provisioning.Ssh;

// The units are for Linux hosts, and so is systemd-analyze.
[SupportedOSPlatform("linux")]
public sealed class SshMinionScriptsTests
{
    private const string Analyzer = "/usr/bin/systemd-analyze";

    /// <summary>As deploy/package/test.sh checks the .deb's units: systemd's own parser, on a folder laid out as the provider installs it.</summary>
    [Fact]
    public async Task UnitFile_InstalledLayout_SystemdAnalyzeVerifyFindsNothing()
    {
        Assert.True(File.Exists(Analyzer), $"{Analyzer} is missing; run: sudo deploy/dev/services.sh");
        var dir = Directory.CreateTempSubdirectory("eventreactor-ssh-unit-").FullName;
        try
        {
            // verify checks that ExecStart names an executable; the minion's environment file and data come at start.
            var binary = Path.Combine(dir, MinionBuild.Executable);
            await File.WriteAllTextAsync(binary, "#!/bin/sh\n");
            File.SetUnixFileMode(binary, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var unit = Path.Combine(dir, Path.GetFileName(SshMinionScripts.Unit("m1")));
            await File.WriteAllTextAsync(unit, SshMinionScripts.UnitFile(dir, "m1"));

            var (exitCode, output) = await VerifyAsync(unit);

            Assert.True(exitCode == 0 && !output.Contains("eventreactor", StringComparison.Ordinal), $"systemd-analyze verify {unit} exited {exitCode}:\n{output}");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task UnitFile_ExecStartNotExecutable_SystemdAnalyzeVerifyReportsIt()
    {
        Assert.True(File.Exists(Analyzer), $"{Analyzer} is missing; run: sudo deploy/dev/services.sh");
        var dir = Directory.CreateTempSubdirectory("eventreactor-ssh-unit-").FullName;
        try
        {
            // The check above must be able to fail: the same unit without its binary is refused.
            var unit = Path.Combine(dir, Path.GetFileName(SshMinionScripts.Unit("m1")));
            await File.WriteAllTextAsync(unit, SshMinionScripts.UnitFile(dir, "m1"));

            var (exitCode, output) = await VerifyAsync(unit);

            Assert.True(exitCode != 0 || output.Contains("eventreactor", StringComparison.Ordinal), $"systemd-analyze verify accepted a unit whose ExecStart is missing:\n{output}");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> VerifyAsync(string unit)
    {
        var start = new ProcessStartInfo(Analyzer, ["verify", unit])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var analyze = Process.Start(start)!;
        var stdout = analyze.StandardOutput.ReadToEndAsync();
        var stderr = analyze.StandardError.ReadToEndAsync();
        await analyze.WaitForExitAsync();
        return (analyze.ExitCode, await stdout + await stderr);
    }
}
