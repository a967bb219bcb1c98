using EventReactor.Core.Rules;
using YamlDotNet.RepresentationModel;

namespace EventReactor.Core.Benchmarks;

/// <summary>Reads a suite's <c>resources</c> (cpus, memory), <c>devices</c> and <c>gpus</c> into <c>container.run</c>'s terms.</summary>
internal static class SuiteResourcesParser
{
    public static SuiteResources Parse(SuiteNodeReader reader, Dictionary<string, YamlNode> values)
    {
        double? cpus = null;
        string? memory = null;
        if (values.TryGetValue("resources", out var node) && reader.Mapping(node, "'resources'", ["cpus", "memory"]) is { } settings)
        {
            cpus = reader.Number(settings, "cpus", 0, 1024);
            memory = reader.String(settings, "memory");
            if (memory is not null && !ByteSize.TryParse(memory, out _))
            {
                reader.Error(settings["memory"], $"'memory' must be bytes or a size such as 64m or 2g; got '{memory}'");
            }
        }

        return new SuiteResources(cpus, memory, ParseDevices(reader, values), ParseGpus(reader, values));
    }

    private static List<SuiteDevice> ParseDevices(SuiteNodeReader reader, Dictionary<string, YamlNode> values)
    {
        var devices = new List<SuiteDevice>();
        if (!values.TryGetValue("devices", out var node))
        {
            return devices;
        }

        if (node is not YamlSequenceNode list)
        {
            reader.Error(node, "'devices' must be a list such as [{ host: /dev/nvidia0, container: /dev/nvidia0 }] or [/dev/kfd]");
            return devices;
        }

        foreach (var item in list.Children)
        {
            if (item is YamlScalarNode { Value: { Length: > 0 } path })
            {
                devices.Add(new SuiteDevice(path, path, "rwm"));
            }
            else if (reader.Mapping(item, "a device", ["host", "container", "permissions"]) is { } device)
            {
                if (reader.String(device, "host") is { } host)
                {
                    devices.Add(new SuiteDevice(host, reader.String(device, "container") ?? host, reader.String(device, "permissions") ?? "rwm"));
                }
                else
                {
                    reader.Error(item, "a device needs 'host', the device's path on the host");
                }
            }
        }

        return devices;
    }

    // gpus: all | { count: 2 } | { count: all } | { ids: [GPU-...] }, with optional capabilities: [gpu, compute].
    private static object? ParseGpus(SuiteNodeReader reader, Dictionary<string, YamlNode> values)
    {
        if (!values.TryGetValue("gpus", out var node))
        {
            return null;
        }

        if (node is YamlScalarNode { Value: "all" })
        {
            return "all";
        }

        if (reader.Mapping(node, "'gpus'", ["count", "ids", "capabilities"]) is not { } settings)
        {
            return null;
        }

        var count = settings.TryGetValue("count", out var countNode) && countNode is YamlScalarNode countScalar ? YamlScalars.Resolve(countScalar) : null;
        if (settings.ContainsKey("count") == settings.ContainsKey("ids"))
        {
            reader.Error(node, "'gpus' needs one of 'count' (a number or all) and 'ids' (a list of GPU ids)");
            return null;
        }

        if (settings.ContainsKey("count") && count is not (long and > 0) and not "all")
        {
            reader.Error(countNode!, "'count' must be a whole number above 0, or all");
            return null;
        }

        if (settings.TryGetValue("ids", out var idsNode) && idsNode is not YamlSequenceNode)
        {
            reader.Error(idsNode, "'ids' must be a list of GPU ids (index or UUID)");
            return null;
        }

        if (settings.TryGetValue("capabilities", out var capabilities) && capabilities is not YamlSequenceNode)
        {
            reader.Error(capabilities, "'capabilities' must be a list such as [gpu, compute, utility]");
            return null;
        }

        return YamlScalars.ToPlain(node);
    }
}
