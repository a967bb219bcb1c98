namespace EventReactor.Contracts.Inventory;

/// <summary>
/// An accelerator other than a GPU: vendor, model, kind (<c>fpga</c>, <c>ai</c> or <c>accelerator</c>), PCI address
/// of its first function, and the kernel driver.
/// </summary>
public sealed record AcceleratorGrains(string Vendor, string? Model, string Kind, string PciAddress, string? Driver);
