namespace EventReactor.Core.Benchmarks;

/// <summary>One value read from one repetition's output.</summary>
public sealed record MetricValue(string Metric, double Value, string Unit, bool HigherIsBetter);
