namespace EventReactor.Contracts.Api;

/// <summary>The answer of <c>GET /readyz</c> (200, or 503 when unhealthy).</summary>
/// <param name="Status">The overall status: <c>Healthy</c>, <c>Degraded</c> or <c>Unhealthy</c>.</param>
/// <param name="Checks">Each check by name.</param>
public sealed record ReadinessReport(string Status, IReadOnlyDictionary<string, ReadinessCheck> Checks);
