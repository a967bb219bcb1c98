using Microsoft.Extensions.Options;

namespace EventReactor.Minion.Commands;

/// <summary>Gives an allowlist that nothing configured its default, after configuration and the policy file.</summary>
internal sealed class PolicyDefaults : IPostConfigureOptions<MinionPolicy>
{
    public void PostConfigure(string? name, MinionPolicy options)
    {
        if (options.AllowedImages.Count == 0)
        {
            options.AllowedImages = [.. MinionPolicy.DefaultAllowedImages];
        }

        if (options.AllowedDevices.Count == 0)
        {
            options.AllowedDevices = [.. MinionPolicy.DefaultAllowedDevices];
        }
    }
}
