namespace EventReactor.EndToEnd;

/// <summary>The plain client's rate and its own CPU per message (the broker's is not counted, as in the end-to-end figure).</summary>
internal sealed record ReferenceResult(double PerSecond, double CpuMicrosecondsPerMessage);
