namespace EventReactor.Minion.Inventory.Probing;

/// <summary>The fields of statvfs the inventory uses; sizes in fragment-size units as the kernel reports them.</summary>
public sealed record FileSystemUsage(
    long FragmentSize,
    long Blocks,
    long BlocksFree,
    long BlocksAvailable,
    long Files,
    long FilesFree);
