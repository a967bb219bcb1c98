namespace EventReactor.EndToEnd;

/// <summary>
/// One steady phase: the reactions (stored and fired times), the rate the generator achieved, whether every event was acted on
/// within the grace period after the last one was stored, and this process's and the broker's CPU per event (µs).
/// </summary>
internal sealed record SteadyResult(
    IReadOnlyList<Reaction> Reactions,
    double OfferedPerSecond,
    bool KeptUp,
    double CpuMicrosecondsPerEvent,
    double BrokerCpuMicrosecondsPerEvent)
{
    public IReadOnlyList<double> Latencies => [.. Reactions.Select(r => r.Milliseconds)];
}
