namespace EventReactor.Contracts.Api;

/// <summary>The answer of <c>GET /api/metrics/hosts/{minion}</c>: a minion's host samples in time order.</summary>
/// <param name="Minion">The minion.</param>
/// <param name="Samples">Its samples.</param>
public sealed record HostSamples(string Minion, IReadOnlyList<HostSample> Samples);
