using EventReactor.Contracts.Pools;

namespace EventReactor.Reactor.Pools.Provisioning;

/// <summary>Making one minion failed at a step on a host (the provider's handle); reported as <c>pool/&lt;name&gt;/provisioning/failed</c>.</summary>
internal sealed class MinionProvisioningException(string? host, ProvisioningStep step, string message, Exception? inner = null)
    : Exception(host is null ? $"{Describe(step)}: {message}" : $"{host}: {Describe(step)}: {message}", inner)
{
    public string? Host { get; } = host;

    public ProvisioningStep Step { get; } = step;

    /// <summary>Whether trying again soon may help: a refused host key or login fails the same way every time.</summary>
    public bool Transient => Step is ProvisioningStep.Connect or ProvisioningStep.Upload or ProvisioningStep.Install;

    private static string Describe(ProvisioningStep step) => step switch
    {
        ProvisioningStep.HostKey => "host key",
        _ => step.ToString().ToLowerInvariant(),
    };
}
