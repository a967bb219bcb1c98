namespace EventReactor.EndToEnd;

/// <summary>
/// One steady phase: reaction latencies (ms), the rate the generator achieved, whether every event was acted on
/// within the grace period after the last one was stored, and this process's and the broker's CPU per event (µs).
/// </summary>
internal sealed record SteadyResult(
    IReadOnlyList<double> Latencies,
    double OfferedPerSecond,
    bool KeptUp,
    double CpuMicrosecondsPerEvent,
    double BrokerCpuMicrosecondsPerEvent);
