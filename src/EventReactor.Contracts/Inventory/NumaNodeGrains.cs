namespace EventReactor.Contracts.Inventory;

/// <summary>A NUMA node: its id, its CPU list as the kernel writes it (e.g. <c>0-11,24-35</c>) and its memory.</summary>
public sealed record NumaNodeGrains(int Id, string? Cpus, long? MemoryBytes);
