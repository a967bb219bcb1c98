namespace EventReactor.Contracts.Api;

/// <summary>One value read from one attempt's output, in <see cref="BenchmarkAttempt"/>.</summary>
/// <param name="Metric">The metric's name.</param>
/// <param name="Value">The value.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="HigherIsBetter">Whether more is better.</param>
public sealed record BenchmarkValue(string Metric, double Value, string Unit, bool HigherIsBetter);
