namespace EventReactor.Contracts.Inventory;

/// <summary>
/// Virtualisation: hypervisor (<c>none</c> on bare metal, <c>kvm</c>, <c>xen</c>, <c>nitro</c>, <c>hyperv</c>,
/// <c>vmware</c>, ... or <c>unknown</c>), cloud (<c>aws</c>, <c>gcp</c>, <c>azure</c>, ... or null), DMI system vendor
/// and product, and the instance type where the host itself tells it (AWS Nitro puts it in the DMI product name).
/// </summary>
public sealed record VirtualizationGrains(
    string Hypervisor,
    string? Cloud,
    string? Vendor,
    string? Product,
    string? InstanceType);
