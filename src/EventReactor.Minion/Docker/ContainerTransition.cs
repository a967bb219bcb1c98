namespace EventReactor.Minion.Docker;

/// <summary>A lifecycle transition the event stream missed, found by comparing the engine with the last known state.</summary>
internal sealed record ContainerTransition(
    string ContainerId,
    string? Name,
    string? Image,
    string Action,
    long TimeNano,
    long? ExitCode,
    IReadOnlyDictionary<string, string> Labels);
