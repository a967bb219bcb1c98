using System.Text.Json.Serialization;

namespace EventReactor.Contracts.Benchmarks;

/// <summary>One side of a comparison: how many values, their mean, and the mean's 95% interval when there are enough.</summary>
public sealed record BenchmarkSampleSide(
    [property: JsonPropertyName("n")] int N,
    [property: JsonPropertyName("mean")] double Mean,
    [property: JsonPropertyName("low")] double? Low,
    [property: JsonPropertyName("high")] double? High);
