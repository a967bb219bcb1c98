namespace EventReactor.Contracts.Api;

/// <summary>The answer of <c>GET /api/bench/runs/{id}</c>: one run with every host's attempts and results.</summary>
/// <param name="Run">The run.</param>
/// <param name="Definition">The suite file's text when the run started.</param>
/// <param name="Hosts">One entry per minion.</param>
public sealed record BenchmarkRunReport(BenchmarkRunSummary Run, string Definition, IReadOnlyList<BenchmarkHostReport> Hosts);
