namespace EventReactor.Core.Pools;

/// <summary>
/// A machine of an <c>ssh</c> pool's inventory, after PerfKit Benchmarker's static machines: where to connect, as whom, with
/// which private key, the host key pinned as <c>ssh-keygen -lf</c> prints it (<c>SHA256:...</c>), whether commands need
/// <c>sudo</c>, and the folder the minion is installed in.
/// </summary>
public sealed record PoolHost(string Address, int Port, string User, string KeyFile, string HostKey, bool Sudo, string Directory)
{
    /// <summary>How the provider records it: <c>user@address:port</c>.</summary>
    public string Handle => $"{User}@{Address}:{Port}";
}
