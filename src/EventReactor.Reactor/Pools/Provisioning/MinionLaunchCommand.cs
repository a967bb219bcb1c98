using System.Reflection;

namespace EventReactor.Reactor.Pools.Provisioning;

/// <summary>How to start this same <c>eventreactor</c> build as a minion: <c>dotnet eventreactor.dll</c> or the apphost itself.</summary>
internal static class MinionLaunchCommand
{
    public static IReadOnlyList<string> Resolve()
    {
        var process = Environment.ProcessPath ?? throw new PoolException("cannot find this process's executable to start minions from");
        var isDotnetHost = Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        if (!isDotnetHost)
        {
            return [process]; // the apphost, single-file (the package) or not
        }

        // Not Assembly.Location: it is empty in a single-file build, and the analyzer rightly flags it there.
        var entry = Assembly.GetEntryAssembly()?.GetName().Name;
        return string.IsNullOrEmpty(entry) ? [process] : [process, Path.Combine(AppContext.BaseDirectory, entry + ".dll")];
    }
}
