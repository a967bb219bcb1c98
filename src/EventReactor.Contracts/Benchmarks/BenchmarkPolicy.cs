using System.Text.Json.Serialization;

namespace EventReactor.Contracts.Benchmarks;

/// <summary>How a run repeats: warm-up and measured repetitions, when it stops early, retries and each repetition's timeout.</summary>
public sealed record BenchmarkPolicy(
    [property: JsonPropertyName("warmup")] int Warmup,
    [property: JsonPropertyName("min")] int Min,
    [property: JsonPropertyName("max")] int Max,
    [property: JsonPropertyName("rsdThreshold")] double RsdThreshold,
    [property: JsonPropertyName("retries")] int Retries,
    [property: JsonPropertyName("timeoutSeconds")] double TimeoutSeconds);
