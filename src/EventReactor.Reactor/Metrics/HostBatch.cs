using EventReactor.Contracts;

namespace EventReactor.Reactor.Metrics;

/// <summary>The data of <c>minion/&lt;id&gt;/metrics/host</c>.</summary>
internal sealed record HostBatch
{
    public double IntervalMs { get; init; }

    public int? Cpus { get; init; }

    public IReadOnlyList<HostSample> Samples { get; init; } = [];
}
