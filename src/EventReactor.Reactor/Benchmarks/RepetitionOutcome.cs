using EventReactor.Contracts.Api;
using EventReactor.Core.Benchmarks;

namespace EventReactor.Reactor.Benchmarks;

/// <summary>How one attempt ended: <see cref="BenchmarkStatus.Ok"/> with values, or failed with a reason.</summary>
public sealed record RepetitionOutcome(BenchmarkStatus Status, string? Reason, int? ExitCode, string? ContainerId, IReadOnlyList<MetricValue> Values)
{
    public bool Succeeded => Status == BenchmarkStatus.Ok;

    public static RepetitionOutcome Failed(string reason, int? exitCode = null, string? containerId = null) =>
        new(BenchmarkStatus.Failed, reason, exitCode, containerId, []);
}
