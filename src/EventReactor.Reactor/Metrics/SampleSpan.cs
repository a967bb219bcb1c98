namespace EventReactor.Reactor.Metrics;

/// <summary>How many samples a container has and the times (Unix microseconds) of its first and last: zeros when none.</summary>
internal readonly record struct SampleSpan(long Count, long First, long Last);
