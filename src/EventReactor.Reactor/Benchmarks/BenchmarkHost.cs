namespace EventReactor.Reactor.Benchmarks;

/// <summary>One minion's part in a run, with the hardware it had when the run started.</summary>
public sealed record BenchmarkHost(string Run, string Minion, string Status, string? Reason, GrainsSnapshot Grains);
