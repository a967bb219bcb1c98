using EventReactor.Minion.Inventory.Parsing;

namespace EventReactor.Minion.Tests.Inventory.Parsing;

public sealed class VirtualizationClassifierTests
{
    [Theory]
    [InlineData("Google", "Google Compute Engine", null, "kvm", "gcp")]
    [InlineData("Microsoft Corporation", "Virtual Machine", "7783-7084-3265-9085-8269-3286-77", "hyperv", "azure")]
    [InlineData("QEMU", "Standard PC (Q35 + ICH9, 2009)", null, "kvm", null)]
    [InlineData("OpenStack Foundation", "OpenStack Nova", null, "kvm", "openstack")]
    [InlineData("VMware, Inc.", "VMware Virtual Platform", null, "vmware", null)]
    [InlineData("Amazon EC2", "c5.metal", "Amazon EC2", "none", "aws")]
    public void Classify_DmiOfKnownPlatforms_TellsHypervisorAndCloud(string vendor, string product, string? assetTag, string hypervisor, string? cloud)
    {
        var result = VirtualizationClassifier.Classify(new DmiFacts(vendor, product, null, null, assetTag), null, cpuHypervisorFlag: true);

        Assert.Equal((hypervisor, cloud), (result.Hypervisor, result.Cloud));
    }

    [Fact]
    public void Classify_XenOnOldEc2_IsAwsWithoutInstanceType()
    {
        var result = VirtualizationClassifier.Classify(new DmiFacts("Xen", "HVM domU", "4.11.amazon", "Xen", null), "xen", cpuHypervisorFlag: true);

        Assert.Equal(("xen", "aws", null), (result.Hypervisor, result.Cloud, result.InstanceType));
    }

    [Fact]
    public void Classify_NoDmiNoHypervisorFlag_IsBareMetal() =>
        Assert.Equal("none", VirtualizationClassifier.Classify(new DmiFacts(null, null, null, null, null), null, cpuHypervisorFlag: false).Hypervisor);
}
