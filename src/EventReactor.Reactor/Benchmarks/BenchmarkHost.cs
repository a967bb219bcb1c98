using EventReactor.Contracts.Api;

namespace EventReactor.Reactor.Benchmarks;

/// <summary>One minion's part in a run, with the hardware it had when the run started.</summary>
public sealed record BenchmarkHost(string Run, string Minion, BenchmarkStatus Status, string? Reason, GrainsSnapshot Grains);
