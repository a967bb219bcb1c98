namespace EventReactor.Reactor.Pools.Provisioning.Ssh;

/// <summary>One file of the minion build: where it is here, its name on the host, its SHA-256 (hex, as <c>sha256sum</c> prints it).</summary>
internal sealed record MinionBuildFile(string LocalPath, string RemoteName, string Sha256);
