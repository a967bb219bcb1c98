namespace EventReactor.EndToEnd;

/// <summary>The plain client's rate, its own CPU per message and the broker's CPU per message (from /proc; 0 if unknown).</summary>
internal sealed record ReferenceResult(double PerSecond, double CpuMicrosecondsPerMessage, double BrokerCpuMicrosecondsPerMessage);
