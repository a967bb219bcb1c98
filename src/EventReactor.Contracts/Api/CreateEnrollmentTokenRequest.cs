namespace EventReactor.Contracts.Api;

/// <summary>The body of <c>POST /api/keys/tokens</c>.</summary>
/// <param name="TtlSeconds">How long the token stays usable, in seconds (at least 1, at most 30 days).</param>
public sealed record CreateEnrollmentTokenRequest(int TtlSeconds);
