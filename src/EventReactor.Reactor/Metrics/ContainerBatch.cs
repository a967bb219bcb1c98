using EventReactor.Contracts;

namespace EventReactor.Reactor.Metrics;

/// <summary>The data of <c>minion/&lt;id&gt;/metrics</c>.</summary>
internal sealed record ContainerBatch
{
    public string Container { get; init; } = string.Empty;

    public string? Name { get; init; }

    public double IntervalMs { get; init; }

    /// <summary>The host's CPUs and memory, to turn counters into ECS fractions; absent from minions older than this field.</summary>
    public int? HostCpus { get; init; }

    public long? HostMemoryBytes { get; init; }

    public bool Final { get; init; }

    /// <summary>Why sampling ended (on the final batch): exited, stopped or failed: ...</summary>
    public string? Ended { get; init; }

    public IReadOnlyList<ContainerSample> Samples { get; init; } = [];
}
