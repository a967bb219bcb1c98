namespace EventReactor.Contracts.Inventory;

/// <summary>Memory: <c>MemTotal</c> from /proc/meminfo, in bytes.</summary>
public sealed record MemoryGrains(long TotalBytes);
