namespace EventReactor.Contracts.Api;

/// <summary>A host's hardware when a run started, in <see cref="BenchmarkHostReport"/>.</summary>
/// <param name="CpuModel">The CPU model, if known.</param>
/// <param name="GpuModels">One model per GPU.</param>
/// <param name="InstanceType">The cloud instance type, if any.</param>
public sealed record BenchmarkHostGrains(string? CpuModel, IReadOnlyList<string> GpuModels, string? InstanceType);
