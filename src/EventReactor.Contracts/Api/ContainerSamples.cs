namespace EventReactor.Contracts.Api;

/// <summary>The answer of <c>GET /api/metrics/containers/{id}</c>: a container's samples in time order.</summary>
/// <param name="Container">The container's full id.</param>
/// <param name="Samples">Its samples (cumulative counters).</param>
public sealed record ContainerSamples(string Container, IReadOnlyList<ContainerSample> Samples);
