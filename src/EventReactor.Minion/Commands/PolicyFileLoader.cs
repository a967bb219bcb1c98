using Microsoft.Extensions.Options;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace EventReactor.Minion.Commands;

/// <summary>Reads <c>Minion:PolicyFile</c> (YAML or JSON) over the configured policy, so a host's policy can live in one file.</summary>
internal sealed class PolicyFileLoader(IOptions<MinionOptions> minion) : IConfigureOptions<MinionPolicy>
{
    public void Configure(MinionPolicy options)
    {
        var path = minion.Value.PolicyFile;
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        MinionPolicy file;
        try
        {
            var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
            file = deserializer.Deserialize<MinionPolicy?>(File.ReadAllText(path)) ?? new MinionPolicy();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or YamlDotNet.Core.YamlException)
        {
            throw new OptionsValidationException("Minion:PolicyFile", typeof(MinionPolicy), [$"Minion:PolicyFile '{path}': {ex.Message}"]);
        }

        options.AllowedImages = file.AllowedImages;
        options.AllowPrivileged = file.AllowPrivileged;
        options.AllowHostNetwork = file.AllowHostNetwork;
        options.AllowedDevices = file.AllowedDevices;
        options.MaxCpus = file.MaxCpus;
        options.MaxMemory = file.MaxMemory;
    }
}
