namespace EventReactor.Contracts.Api;

/// <summary>One key on record (<c>GET /api/keys</c>, <c>eventreactor keys list</c>).</summary>
/// <param name="Minion">The minion id it was enrolled under.</param>
/// <param name="State">Where it stands.</param>
/// <param name="Fingerprint">SHA-256 of the public key's DER, hex.</param>
/// <param name="PublicKey">The public key, SubjectPublicKeyInfo PEM.</param>
/// <param name="EnrolledAt">When it was first presented.</param>
/// <param name="UpdatedAt">When its state last changed.</param>
public sealed record MinionKeyView(string Minion, MinionKeyState State, string Fingerprint, string PublicKey, DateTimeOffset EnrolledAt, DateTimeOffset UpdatedAt);
