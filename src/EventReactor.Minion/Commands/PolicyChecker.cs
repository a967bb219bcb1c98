using EventReactor.Core.Rules;
using EventReactor.Core.Tags;
using Microsoft.Extensions.Options;

namespace EventReactor.Minion.Commands;

/// <summary>Checks a command against the minion's policy; a violation names the setting that forbids it.</summary>
internal sealed class PolicyChecker(IOptions<MinionPolicy> options)
{
    private const string Key = "Minion:Policy";

    public void CheckImage(string image)
    {
        var allowed = options.Value.AllowedImages;
        if (!allowed.Any(glob => TagGlob.Parse(glob).IsMatch(image) || TagGlob.Parse(glob).IsMatch(WithoutDefaultTag(image))))
        {
            throw new PolicyDeniedException($"image '{image}' is not in {Key}:AllowedImages [{string.Join(", ", allowed)}]");
        }
    }

    public void CheckPrivileged(bool privileged)
    {
        if (privileged && !options.Value.AllowPrivileged)
        {
            throw new PolicyDeniedException($"privileged containers are off ({Key}:AllowPrivileged is false)");
        }
    }

    public void CheckNetwork(string? network)
    {
        if (string.Equals(network, "host", StringComparison.OrdinalIgnoreCase) && !options.Value.AllowHostNetwork)
        {
            throw new PolicyDeniedException($"the host's network is off ({Key}:AllowHostNetwork is false)");
        }
    }

    public void CheckDevice(string hostPath)
    {
        var allowed = options.Value.AllowedDevices;
        if (!allowed.Any(glob => TagGlob.Parse(glob).IsMatch(hostPath)))
        {
            throw new PolicyDeniedException($"device '{hostPath}' is not in {Key}:AllowedDevices [{string.Join(", ", allowed)}]");
        }
    }

    public void CheckCpus(double cpus)
    {
        var max = options.Value.MaxCpus;
        if (max > 0 && cpus > max)
        {
            throw new PolicyDeniedException($"{cpus} CPUs is more than {Key}:MaxCpus ({max})");
        }
    }

    public void CheckMemory(long bytes)
    {
        var max = options.Value.MaxMemory;
        if (max.Length > 0 && ByteSize.TryParse(max, out var limit) && bytes > limit)
        {
            throw new PolicyDeniedException($"{bytes} bytes of memory is more than {Key}:MaxMemory ({max})");
        }
    }

    private static string WithoutDefaultTag(string image) =>
        image.EndsWith(":latest", StringComparison.Ordinal) ? image[..^":latest".Length] : image;
}
