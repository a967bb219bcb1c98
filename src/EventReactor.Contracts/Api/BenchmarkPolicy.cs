namespace EventReactor.Contracts.Api;

/// <summary>How a run repeats, copied from its suite when it started.</summary>
/// <param name="Warmup">Warm-up repetitions, whose values are not counted.</param>
/// <param name="Min">The fewest counted repetitions.</param>
/// <param name="Max">The most counted repetitions; more than <paramref name="Min"/> when the RSD decides.</param>
/// <param name="RsdThreshold">The relative standard deviation, in percent, under which repetitions stop after <paramref name="Min"/>.</param>
/// <param name="Retries">How many times a failed attempt is retried.</param>
/// <param name="TimeoutSeconds">How long one attempt may take.</param>
public sealed record BenchmarkPolicy(int Warmup, int Min, int Max, double RsdThreshold, int Retries, double TimeoutSeconds);
