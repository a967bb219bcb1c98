using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace EventReactor.IntegrationTests.Infrastructure;

/// <summary>
/// The single-file minion for the ssh provider tests (<c>eventreactor-minion</c>, as the .deb ships it), published by
/// deploy/package/publish.sh (minutes) once per state of the
/// sources: kept under /tmp/eventreactor-minion-build/HASH, so that later runs of unchanged code reuse it. Under
/// deploy/test.sh the package test has just published it from the same tree (<c>EVENTREACTOR_MINION_BUILD</c>).
/// </summary>
internal static class MinionBuildCache
{
    private static readonly string[] Extensions = [".cs", ".csproj", ".props", ".json", ".razor", ".css", ".js"];

    public const string BuildVariable = "EVENTREACTOR_MINION_BUILD";

    private const string Executable = "eventreactor-minion";

    public static async Task<string> GetAsync()
    {
        if (Environment.GetEnvironmentVariable(BuildVariable) is { Length: > 0 } published)
        {
            var given = Path.Combine(published, Executable);
            return File.Exists(given) ? given : throw new InvalidOperationException($"{BuildVariable}={published} holds no {Executable}: run deploy/package/publish.sh {published}, or unset it");
        }

        var folder = Path.Combine(Path.GetTempPath(), "eventreactor-minion-build", SourceHash());
        var binary = Path.Combine(folder, Executable);
        if (File.Exists(binary))
        {
            return binary;
        }

        var staging = folder + ".partial-" + Environment.ProcessId;
        var script = Path.Combine(RepoPaths.Root, "deploy", "package", "publish.sh");
        var start = new ProcessStartInfo(script, [staging]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var publish = Process.Start(start) ?? throw new InvalidOperationException($"cannot run {script}");
        var output = publish.StandardOutput.ReadToEndAsync();
        var errors = publish.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        await publish.WaitForExitAsync(timeout.Token);
        if (publish.ExitCode != 0 || !File.Exists(Path.Combine(staging, Executable)))
        {
            throw new InvalidOperationException($"the single-file minion could not be built ({script} {staging} exited {publish.ExitCode}):\n{await output}\n{await errors}");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(folder)!);
        if (!Directory.Exists(folder))
        {
            Directory.Move(staging, folder);
        }

        return binary;
    }

    private static string SourceHash()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var root = RepoPaths.Root;
        var files = Directory.EnumerateFiles(Path.Combine(root, "src"), "*", SearchOption.AllDirectories)
            .Where(f => Extensions.Contains(Path.GetExtension(f)) && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Concat(Directory.EnumerateFiles(root, "Directory.*.props"))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(root, file)));
            hash.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }
}
