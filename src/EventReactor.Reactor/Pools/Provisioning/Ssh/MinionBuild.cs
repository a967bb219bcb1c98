using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Pools.Provisioning.Ssh;

/// <summary>
/// The self-contained single-file minion the ssh provider installs (<c>deploy/package/publish.sh</c>'s output): the executable and
/// the native libraries published beside it, each with its SHA-256, so that a host that has them already is not sent them again.
/// </summary>
internal sealed class MinionBuild(IOptions<SshProviderOptions> options)
{
    private readonly Lazy<IReadOnlyList<MinionBuildFile>> _files = new(() => Load(options.Value.MinionBinary), LazyThreadSafetyMode.PublicationOnly);

    public IReadOnlyList<MinionBuildFile> Files => _files.Value;

    private static IReadOnlyList<MinionBuildFile> Load(string? configured)
    {
        var binary = configured is { Length: > 0 } ? configured : DefaultBinary();
        if (binary is null || !File.Exists(binary))
        {
            throw new PoolException($"the ssh provider has no single-file minion build to install: set {SshProviderOptions.Section}:{nameof(SshProviderOptions.MinionBinary)} to the 'eventreactor' that deploy/package/publish.sh makes");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(binary))!;
        return new[] { Path.GetFullPath(binary) }
            .Concat(Directory.EnumerateFiles(folder, "*.so").Order(StringComparer.Ordinal))
            .Select(path => new MinionBuildFile(path, Path.GetFileName(path) == Path.GetFileName(binary) ? "eventreactor" : Path.GetFileName(path), Hash(path)))
            .ToList();
    }

    // The .deb's executable is itself the single-file build; one run under 'dotnet' is not.
    private static string? DefaultBinary()
    {
        var process = Environment.ProcessPath;
        return process is not null && !Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase) && !File.Exists(Path.ChangeExtension(process, ".dll"))
            ? process
            : null;
    }

    private static string Hash(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
