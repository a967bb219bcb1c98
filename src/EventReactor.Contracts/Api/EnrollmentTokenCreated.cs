namespace EventReactor.Contracts.Api;

/// <summary>A new single-use enrollment token; only its hash is kept, so this is the only time it is shown.</summary>
/// <param name="Token">The token, to hand to one minion (<c>Minion:EnrollmentToken</c>).</param>
/// <param name="ExpiresAt">When it stops being accepted.</param>
public sealed record EnrollmentTokenCreated(string Token, DateTimeOffset ExpiresAt);
