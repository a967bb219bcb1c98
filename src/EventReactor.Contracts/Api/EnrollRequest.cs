namespace EventReactor.Contracts.Api;

/// <summary>The body of <c>POST /api/keys/enroll</c>: a minion presents its id and public key, the first time and while it polls.</summary>
/// <param name="Minion">The minion's id.</param>
/// <param name="PublicKey">Its ECDSA P-256 public key, SubjectPublicKeyInfo PEM.</param>
/// <param name="Token">An enrollment token (<c>eventreactor keys token create</c>): a valid one accepts the key at once, and is used up.</param>
public sealed record EnrollRequest(string Minion, string PublicKey, string? Token = null);
