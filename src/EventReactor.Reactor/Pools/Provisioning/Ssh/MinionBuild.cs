using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Pools.Provisioning.Ssh;

/// <summary>
/// The self-contained single-file minion the ssh provider installs: <c>eventreactor-minion</c>, the minion alone and trimmed, as
/// <c>deploy/package/publish.sh</c> makes it and the .deb ships it; with the native libraries published beside it, each with its
/// SHA-256, so that a host that has them already is not sent them again.
/// </summary>
internal sealed class MinionBuild(IOptions<SshProviderOptions> options)
{
    /// <summary>The executable's name, here (beside <c>eventreactor</c> in the .deb and in publish.sh's output) and on the hosts.</summary>
    public const string Executable = "eventreactor-minion";

    private readonly Lazy<IReadOnlyList<MinionBuildFile>> _files = new(() => Load(options.Value.MinionBinary), LazyThreadSafetyMode.PublicationOnly);

    public IReadOnlyList<MinionBuildFile> Files => _files.Value;

    private static IReadOnlyList<MinionBuildFile> Load(string? configured)
    {
        var binary = configured is { Length: > 0 } ? configured : DefaultBinary();
        if (binary is null || !File.Exists(binary))
        {
            throw new PoolException($"the ssh provider has no single-file minion build to install: set {SshProviderOptions.Section}:{nameof(SshProviderOptions.MinionBinary)} to the '{Executable}' that deploy/package/publish.sh makes");
        }

        var path = Path.GetFullPath(binary);
        var folder = Path.GetDirectoryName(path)!;
        return new[] { new MinionBuildFile(path, Executable, Hash(path)) }
            .Concat(Directory.EnumerateFiles(folder, "*.so").Order(StringComparer.Ordinal).Select(so => new MinionBuildFile(so, Path.GetFileName(so), Hash(so))))
            .ToList();
    }

    // The .deb's executables are themselves single-file builds, published side by side; one run under 'dotnet' is not.
    private static string? DefaultBinary()
    {
        var process = Environment.ProcessPath;
        if (process is null || Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase) || File.Exists(Path.ChangeExtension(process, ".dll")))
        {
            return null;
        }

        return Path.Combine(Path.GetDirectoryName(process)!, Executable);
    }

    private static string Hash(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
