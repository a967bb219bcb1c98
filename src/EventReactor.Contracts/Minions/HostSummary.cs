using System.Text.Json.Serialization;

namespace EventReactor.Contracts.Minions;

/// <summary>The few grains that <c>start</c> and <c>heartbeat</c> carry, so that a glance tells what the host is.</summary>
public sealed record HostSummary(
    [property: JsonPropertyName("os")] string? Os,
    [property: JsonPropertyName("cpuModel")] string? CpuModel,
    [property: JsonPropertyName("cpuThreads")] int CpuThreads,
    [property: JsonPropertyName("memoryBytes")] long MemoryBytes,
    [property: JsonPropertyName("gpuCount")] int GpuCount,
    [property: JsonPropertyName("gpuModels")] IReadOnlyList<string> GpuModels,
    [property: JsonPropertyName("acceleratorCount")] int AcceleratorCount,
    [property: JsonPropertyName("instanceType")] string? InstanceType);
