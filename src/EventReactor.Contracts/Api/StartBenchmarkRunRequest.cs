using System.Text.Json.Serialization;

namespace EventReactor.Contracts.Api;

/// <summary>The body of <c>POST /api/bench/runs</c>.</summary>
/// <param name="Suite">The suite: <c>SUITE.yaml</c> in the reactor's benchmarks folder.</param>
/// <param name="Tgt">The minions; null means the suite's requirements, or the one present minion.</param>
/// <param name="TgtType">How <paramref name="Tgt"/> is read: <c>glob</c> (default), <c>list</c>, <c>grain</c>, <c>pool</c> or <c>expr</c>.</param>
public sealed record StartBenchmarkRunRequest(string Suite, string? Tgt, [property: JsonPropertyName("tgt_type")] string? TgtType);
