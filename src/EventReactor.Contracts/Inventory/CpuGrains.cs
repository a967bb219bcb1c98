namespace EventReactor.Contracts.Inventory;

/// <summary>
/// Processors: vendor (<c>Intel</c>, <c>AMD</c>, <c>ARM</c> or the raw id), model name, architecture (<c>x86_64</c>,
/// <c>aarch64</c>), physical sockets and cores, logical threads, and the notable instruction-set flags.
/// </summary>
public sealed record CpuGrains(
    string? Vendor,
    string? Model,
    string? Architecture,
    int Sockets,
    int Cores,
    int Threads,
    IReadOnlyList<string> Flags);
