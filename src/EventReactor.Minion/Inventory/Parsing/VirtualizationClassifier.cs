using EventReactor.Contracts.Inventory;

namespace EventReactor.Minion.Inventory.Parsing;

/// <summary>Tells hypervisor and cloud from DMI, <c>/sys/hypervisor/type</c> and the CPU's <c>hypervisor</c> flag.</summary>
internal static class VirtualizationClassifier
{
    // Azure marks its VMs with this chassis asset tag.
    private const string AzureAssetTag = "7783-7084-3265-9085-8269-3286-77";

    public static VirtualizationGrains Classify(DmiFacts dmi, string? hypervisorType, bool cpuHypervisorFlag)
    {
        var vendor = dmi.SysVendor ?? string.Empty;
        var product = dmi.ProductName ?? string.Empty;
        var (hypervisor, cloud, instanceType) = vendor switch
        {
            // Nitro puts the instance type in the product name; bare-metal instances end in ".metal".
            "Amazon EC2" => (product.EndsWith(".metal", StringComparison.Ordinal) ? "none" : "nitro", "aws", dmi.ProductName),
            "Xen" when Has(dmi.ProductVersion, "amazon") || Has(dmi.BiosVendor, "amazon") => ("xen", "aws", null),
            "Google" => ("kvm", "gcp", null),
            "Microsoft Corporation" when product == "Virtual Machine" =>
                ("hyperv", dmi.ChassisAssetTag == AzureAssetTag ? "azure" : null, null),
            "Alibaba Cloud" => ("kvm", "alibaba", null),
            "Hetzner" => ("kvm", "hetzner", null),
            "DigitalOcean" => ("kvm", "digitalocean", null),
            "VMware, Inc." => ("vmware", null, null),
            "innotek GmbH" => ("virtualbox", null, null),
            "Xen" => ("xen", null, null),
            "QEMU" or "Red Hat" => ("kvm", null, null),
            _ when Has(product, "OpenStack") => ("kvm", "openstack", null),
            _ when Has(product, "KVM") => ("kvm", null, null),
            _ => (Fallback(hypervisorType, cpuHypervisorFlag), null, null),
        };

        if (cloud is null && dmi.ChassisAssetTag == "OracleCloud.com")
        {
            cloud = "oci";
        }

        return new VirtualizationGrains(hypervisor, cloud, dmi.SysVendor, dmi.ProductName, instanceType);
    }

    private static string Fallback(string? hypervisorType, bool cpuHypervisorFlag) =>
        TextLines.Trimmed(hypervisorType) ?? (cpuHypervisorFlag ? "unknown" : "none");

    private static bool Has(string? text, string part) => text?.Contains(part, StringComparison.OrdinalIgnoreCase) == true;
}
