using System.Reflection;

namespace EventReactor.Reactor.Pools.Provisioning;

/// <summary>How to start this same <c>eventreactor</c> build as a minion: <c>dotnet eventreactor.dll</c> or the apphost itself.</summary>
internal static class MinionLaunchCommand
{
    public static IReadOnlyList<string> Resolve()
    {
        var process = Environment.ProcessPath ?? throw new PoolException("cannot find this process's executable to start minions from");
        var entry = Assembly.GetEntryAssembly()?.Location;
        var isDotnetHost = Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        return isDotnetHost && !string.IsNullOrEmpty(entry) ? [process, entry] : [process];
    }
}
