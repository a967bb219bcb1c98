using EventReactor.Contracts.Pools;
using EventReactor.Core.Pools;

namespace EventReactor.Reactor.Pools.Provisioning.Ssh;

/// <summary>What the provider learns of a host before installing: its OS, and whether a systemd unit can be used there.</summary>
internal sealed record HostFacts(string Architecture, string Os, bool UsesSystemd)
{
    public static async Task<HostFacts> DetectAsync(SshSession session, PoolHost host, CancellationToken cancellationToken)
    {
        var lines = (await session.RunAsync(SshMinionScripts.Detect, ProvisioningStep.Install, cancellationToken)).Split('\n', StringSplitOptions.TrimEntries);
        if (lines.Length < 4)
        {
            throw new MinionProvisioningException(host.Handle, ProvisioningStep.Install, $"could not detect the architecture and OS (got '{string.Join(' ', lines)}')");
        }

        if (lines[0] != "x86_64")
        {
            throw new MinionProvisioningException(host.Handle, ProvisioningStep.Install, $"the minion build is linux-x64; this host is {lines[0]} ({lines[1]})");
        }

        // A system unit needs root: as root, or through sudo. Without either, a process in its own session.
        var root = lines[3] == "0" || host.Sudo;
        return new HostFacts(lines[0], lines[1], lines[2] == "systemd" && root);
    }
}
