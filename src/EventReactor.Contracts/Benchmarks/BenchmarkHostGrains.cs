using System.Text.Json.Serialization;

namespace EventReactor.Contracts.Benchmarks;

/// <summary>The grains a result is compared by: CPU model, GPU models and cloud instance type.</summary>
public sealed record BenchmarkHostGrains(
    [property: JsonPropertyName("cpuModel")] string? CpuModel,
    [property: JsonPropertyName("gpuModels")] IReadOnlyList<string> GpuModels,
    [property: JsonPropertyName("instanceType")] string? InstanceType);
