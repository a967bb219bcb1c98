using System.Text.Json.Serialization;

namespace EventReactor.Contracts.Benchmarks;

/// <summary>One metric's statistics on one minion of a finished run, with the host's grains when the run started.</summary>
public sealed record BenchmarkHostResult(
    [property: JsonPropertyName("minion")] string Minion,
    [property: JsonPropertyName("metric")] string Metric,
    [property: JsonPropertyName("unit")] string Unit,
    [property: JsonPropertyName("higherIsBetter")] bool HigherIsBetter,
    [property: JsonPropertyName("n")] int N,
    [property: JsonPropertyName("mean")] double Mean,
    [property: JsonPropertyName("stddev")] double StdDev,
    [property: JsonPropertyName("min")] double Min,
    [property: JsonPropertyName("max")] double Max,
    [property: JsonPropertyName("p50")] double P50,
    [property: JsonPropertyName("p95")] double P95,
    [property: JsonPropertyName("rsd")] double Rsd,
    [property: JsonPropertyName("grains")] BenchmarkHostGrains Grains);
