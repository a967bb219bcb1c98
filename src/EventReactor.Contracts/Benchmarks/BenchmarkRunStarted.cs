using System.Text.Json.Serialization;

namespace EventReactor.Contracts.Benchmarks;

/// <summary>The data of <c>bench/&lt;run&gt;/started</c>.</summary>
public sealed record BenchmarkRunStarted(
    [property: JsonPropertyName("run")] string Run,
    [property: JsonPropertyName("suite")] string Suite,
    [property: JsonPropertyName("minions")] IReadOnlyList<string> Minions);
