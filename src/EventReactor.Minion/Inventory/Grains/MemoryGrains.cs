namespace EventReactor.Minion.Inventory.Grains;

/// <summary>Memory: <c>MemTotal</c> from /proc/meminfo, in bytes.</summary>
public sealed record MemoryGrains(long TotalBytes);
