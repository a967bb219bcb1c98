using System.Collections.Concurrent;

namespace EventReactor.Minion.Metrics;

/// <summary>
/// The host's CPU count and memory, sent with each container batch so that the reactor can turn a container's CPU
/// seconds and bytes into the fractions ECS asks for (of the host, when the container has no limit).
/// </summary>
internal sealed record HostShape(int Cpus, long MemoryBytes)
{
    private static readonly ConcurrentDictionary<string, HostShape> Known = new(StringComparer.Ordinal);

    /// <summary>Read once per /proc root: neither changes while the minion runs.</summary>
    public static HostShape Of(string procRoot) =>
        Known.GetOrAdd(procRoot, root => new HostShape(Environment.ProcessorCount, new HostReader(root).Read(DateTimeOffset.UnixEpoch).MemoryTotalBytes));
}
