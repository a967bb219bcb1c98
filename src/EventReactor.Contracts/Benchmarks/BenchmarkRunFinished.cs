using System.Text.Json.Serialization;
using EventReactor.Contracts.Api;

namespace EventReactor.Contracts.Benchmarks;

/// <summary>
/// The data of <c>bench/&lt;run&gt;/done</c> and <c>bench/&lt;run&gt;/failed</c>: a fixed shape that sinks index, so change it
/// only with them. <see cref="Status"/> is <see cref="BenchmarkStatus.Done"/> or <see cref="BenchmarkStatus.Failed"/>; <see cref="Reason"/> says why it failed.
/// </summary>
public sealed record BenchmarkRunFinished(
    [property: JsonPropertyName("run")] string Run,
    [property: JsonPropertyName("suite")] string Suite,
    [property: JsonPropertyName("status")] BenchmarkStatus Status,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("startedAt")] DateTimeOffset? StartedAt,
    [property: JsonPropertyName("endedAt")] DateTimeOffset EndedAt,
    [property: JsonPropertyName("results")] IReadOnlyList<BenchmarkHostResult> Results);
