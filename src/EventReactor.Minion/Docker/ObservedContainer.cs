namespace EventReactor.Minion.Docker;

/// <summary>A container as the engine lists and inspects it now; times are Unix nanoseconds, 0 when never.</summary>
internal sealed record ObservedContainer(
    string Id,
    string? Name,
    string? Image,
    bool Running,
    long StartedNano,
    long FinishedNano,
    long? ExitCode,
    IReadOnlyDictionary<string, string> Labels);
