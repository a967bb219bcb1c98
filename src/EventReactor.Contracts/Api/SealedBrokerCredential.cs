namespace EventReactor.Contracts.Api;

/// <summary>
/// A <see cref="BrokerCredential"/> encrypted to one minion's enrolled key: ECDH P-256 between an ephemeral key and the
/// minion's key, HKDF-SHA256, AES-256-GCM. Only the holder of the minion's private key can read it. Fields are base64.
/// </summary>
/// <param name="EphemeralPublicKey">The sender's one-time P-256 public key, SubjectPublicKeyInfo DER.</param>
/// <param name="Nonce">The AES-GCM nonce (12 bytes).</param>
/// <param name="Ciphertext">The encrypted JSON of the credential.</param>
/// <param name="Tag">The AES-GCM tag (16 bytes).</param>
public sealed record SealedBrokerCredential(string EphemeralPublicKey, string Nonce, string Ciphertext, string Tag);
