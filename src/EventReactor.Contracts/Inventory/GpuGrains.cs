namespace EventReactor.Contracts.Inventory;

/// <summary>
/// A GPU: vendor (<c>NVIDIA</c>, <c>AMD</c>, <c>Intel</c>), model (e.g. <c>Tesla K80</c>), memory in bytes, kernel
/// driver or NVIDIA driver version, UUID (NVIDIA <c>GPU-...</c>, AMD <c>unique_id</c>) and PCI address
/// (<c>0000:05:00.0</c>).
/// </summary>
public sealed record GpuGrains(
    string Vendor,
    string? Model,
    long? MemoryBytes,
    string? Driver,
    string? Uuid,
    string? PciAddress);
