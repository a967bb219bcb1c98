namespace EventReactor.Contracts.Inventory;

/// <summary>Operating system: <c>name</c> and <c>version</c> from os-release, <c>kernel</c> release.</summary>
public sealed record OsGrains(string? Name, string? Version, string? Kernel);
