using System.Text.Json.Serialization;
using EventReactor.Contracts.Api;

namespace EventReactor.Contracts.Pools;

/// <summary>Where making a minion failed, in the order a provider goes through the steps.</summary>
[JsonConverter(typeof(WireEnumConverter<ProvisioningStep>))]
public enum ProvisioningStep
{
    Connect,
    HostKey,
    Auth,
    Upload,
    Install,
    Start,
    Enrollment,
}
