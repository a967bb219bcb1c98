namespace EventReactor.Reactor.Ui.Pages;

/// <summary>A minion as the minions table shows it: presence and the hardware that matters for placing work.</summary>
public sealed record MinionRow(
    string Id,
    bool Present,
    DateTimeOffset LastSeen,
    string? CpuModel,
    int Cores,
    int Threads,
    long MemoryBytes,
    IReadOnlyList<string> Gpus,
    int Fpgas,
    IReadOnlyList<string> Pools);
