namespace EventReactor.Storage.Keys;

/// <summary>What <see cref="KeySealing.Seal"/> makes: an ephemeral public key (SubjectPublicKeyInfo DER), the AES-GCM nonce, ciphertext and tag.</summary>
public sealed record SealedBox(byte[] EphemeralPublicKey, byte[] Nonce, byte[] Ciphertext, byte[] Tag);
