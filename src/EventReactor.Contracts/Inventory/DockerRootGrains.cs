namespace EventReactor.Contracts.Inventory;

/// <summary>The file system holding Docker's data root: type, size and free space, inodes total and free.</summary>
public sealed record DockerRootGrains(
    string Path,
    string? FsType,
    long SizeBytes,
    long FreeBytes,
    long InodesTotal,
    long InodesFree);
