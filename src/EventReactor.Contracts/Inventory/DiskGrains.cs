namespace EventReactor.Contracts.Inventory;

/// <summary>A block device: kernel name, size in bytes, whether it spins, and its model when the kernel tells it.</summary>
public sealed record DiskGrains(string Name, long SizeBytes, bool? Rotational, string? Model);
