using System.Globalization;
using EventReactor.Contracts.Inventory;
using EventReactor.Minion.Inventory.Parsing;
using EventReactor.Minion.Inventory.Probing;

namespace EventReactor.Minion.Inventory;

/// <summary>Collects NUMA nodes, network interfaces and what DMI says of the machine.</summary>
internal static class SystemInventory
{
    public static IReadOnlyList<NumaNodeGrains> NumaNodes(IHostProbe probe)
    {
        const string Nodes = "/sys/devices/system/node";
        var nodes = new List<NumaNodeGrains>();
        foreach (var name in probe.ListDirectory(Nodes))
        {
            if (name.StartsWith("node", StringComparison.Ordinal)
                && int.TryParse(name.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                nodes.Add(new NumaNodeGrains(
                    id,
                    TextLines.Trimmed(probe.ReadFile($"{Nodes}/{name}/cpulist")),
                    MemInfoParser.TotalBytes(probe.ReadFile($"{Nodes}/{name}/meminfo"))));
            }
        }

        return nodes.OrderBy(node => node.Id).ToList();
    }

    public static IReadOnlyList<NetworkInterfaceGrains> NetworkInterfaces(IHostProbe probe)
    {
        const string Net = "/sys/class/net";
        var interfaces = new List<NetworkInterfaceGrains>();
        foreach (var name in probe.ListDirectory(Net))
        {
            // Container veths and the bridges of user-defined Docker networks come and go with containers and
            // networks; they would make the inventory change all the time.
            if (name == "lo" || name.StartsWith("veth", StringComparison.Ordinal) || name.StartsWith("br-", StringComparison.Ordinal))
            {
                continue;
            }

            int? speed = int.TryParse(probe.ReadFile($"{Net}/{name}/speed")?.Trim(), CultureInfo.InvariantCulture, out var mbps) && mbps > 0 ? mbps : null;
            var mac = TextLines.Trimmed(probe.ReadFile($"{Net}/{name}/address"));
            interfaces.Add(new NetworkInterfaceGrains(name, speed, mac == "00:00:00:00:00:00" ? null : mac));
        }

        return interfaces;
    }

    public static VirtualizationGrains Virtualization(IHostProbe probe, bool cpuHypervisorFlag)
    {
        string? Dmi(string file) => TextLines.Trimmed(probe.ReadFile($"/sys/class/dmi/id/{file}"));
        var dmi = new DmiFacts(Dmi("sys_vendor"), Dmi("product_name"), Dmi("product_version"), Dmi("bios_vendor"), Dmi("chassis_asset_tag"));
        return VirtualizationClassifier.Classify(dmi, probe.ReadFile("/sys/hypervisor/type"), cpuHypervisorFlag);
    }
}
