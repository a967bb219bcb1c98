namespace EventReactor.Contracts.Api;

/// <summary>One health check in <see cref="ReadinessReport"/>.</summary>
/// <param name="Status"><c>Healthy</c>, <c>Degraded</c> or <c>Unhealthy</c>.</param>
/// <param name="Description">What the check saw, or the exception's message.</param>
public sealed record ReadinessCheck(string Status, string? Description);
