namespace EventReactor.Contracts.Inventory;

/// <summary>
/// The Docker engine: server version, API version, storage driver, cgroup version (<c>1</c> or <c>2</c>),
/// runtimes (e.g. <c>runc</c>, <c>nvidia</c>) and data root.
/// </summary>
public sealed record DockerGrains(
    string? Version,
    string? ApiVersion,
    string? StorageDriver,
    string? CgroupVersion,
    IReadOnlyList<string> Runtimes,
    string? RootDir);
