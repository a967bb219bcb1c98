using System.Globalization;
using System.Text.RegularExpressions;
using EventReactor.Core.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace EventReactor.Core.Pools;

/// <summary>A pool's <c>hosts:</c> list (the <c>ssh</c> provider's inventory), every problem as <c>file:line:column: message</c>.</summary>
internal static partial class PoolHostParser
{
    public const string DefaultDirectory = "/opt/eventreactor";

    private static readonly string[] HostKeys = ["address", "port", "user", "key", "host_key", "sudo", "dir"];

    public static IReadOnlyList<PoolHost> Parse(string file, YamlNode node, ICollection<RuleDiagnostic> diagnostics)
    {
        if (node is not YamlSequenceNode list)
        {
            diagnostics.Add(PoolFileParser.Error(file, node, "'hosts' must be a list of hosts, each with address, user, key and host_key"));
            return [];
        }

        var hosts = new List<PoolHost>();
        foreach (var item in list.Children)
        {
            if (ParseHost(file, item, diagnostics) is not { } host)
            {
                continue;
            }

            if (hosts.Any(h => h.Handle == host.Handle))
            {
                diagnostics.Add(PoolFileParser.Error(file, item, $"host {host.Handle} is listed twice"));
                continue;
            }

            hosts.Add(host);
        }

        return hosts;
    }

    private static PoolHost? ParseHost(string file, YamlNode node, ICollection<RuleDiagnostic> diagnostics)
    {
        if (node is not YamlMappingNode mapping)
        {
            diagnostics.Add(PoolFileParser.Error(file, node, "a host is a mapping with address, user, key and host_key"));
            return null;
        }

        var errors = diagnostics.Count;
        var values = new Dictionary<string, YamlScalarNode>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (!HostKeys.Contains(name))
            {
                diagnostics.Add(PoolFileParser.Error(file, key, $"unknown key '{name}'; a host has {string.Join(", ", HostKeys)}"));
            }
            else if (value is YamlScalarNode { Value: { Length: > 0 } } scalar)
            {
                values[name] = scalar;
            }
            else
            {
                diagnostics.Add(PoolFileParser.Error(file, value, $"'{name}' must be a non-empty value"));
            }
        }

        foreach (var required in new[] { "address", "user", "key", "host_key" }.Where(k => !values.ContainsKey(k)))
        {
            diagnostics.Add(PoolFileParser.Error(file, node, $"a host needs '{required}'"));
        }

        var port = 22;
        if (values.TryGetValue("port", out var portNode) && (!int.TryParse(portNode.Value, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
        {
            diagnostics.Add(PoolFileParser.Error(file, portNode, $"'port' must be a TCP port (1 to 65535), got '{portNode.Value}'"));
        }

        if (values.TryGetValue("host_key", out var hostKey) && !FingerprintPattern().IsMatch(hostKey.Value!))
        {
            diagnostics.Add(PoolFileParser.Error(file, hostKey, $"'host_key' must be a SHA256 fingerprint as 'ssh-keygen -lf KEY.pub' prints it (SHA256: and 43 base64 characters), got '{hostKey.Value}'"));
        }

        var sudo = false;
        if (values.TryGetValue("sudo", out var sudoNode) && !bool.TryParse(sudoNode.Value, out sudo))
        {
            diagnostics.Add(PoolFileParser.Error(file, sudoNode, $"'sudo' must be true or false, got '{sudoNode.Value}'"));
        }

        var directory = values.TryGetValue("dir", out var dirNode) ? dirNode.Value! : DefaultDirectory;
        if (!directory.StartsWith('/') || directory.TrimEnd('/').Length == 0 || directory.Contains('\'', StringComparison.Ordinal))
        {
            diagnostics.Add(PoolFileParser.Error(file, dirNode ?? node, $"'dir' must be an absolute folder other than / without quotes, got '{directory}'"));
        }

        if (diagnostics.Count > errors)
        {
            return null;
        }

        // A relative key path is relative to the pools file, so that a lab's inventory and keys travel together.
        var keyFile = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".", values["key"].Value!));
        return new PoolHost(values["address"].Value!, port, values["user"].Value!, keyFile, hostKey!.Value!, sudo, directory.TrimEnd('/'));
    }

    [GeneratedRegex("^SHA256:[A-Za-z0-9+/]{43}$")]
    private static partial Regex FingerprintPattern();
}
