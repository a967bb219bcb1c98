using System.Security.Cryptography;
using System.Text;

namespace EventReactor.Storage.Keys;

/// <summary>
/// Encrypts a secret to a P-256 key that was enrolled for signing (ECDSA): ECDH between a fresh ephemeral key and that
/// key, HKDF-SHA256 over the shared secret (salted with both public keys, bound to a purpose), AES-256-GCM. Only the
/// holder of the private key can open it; a new ephemeral key per seal means no two seals share a key.
/// </summary>
public static class KeySealing
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    /// <summary>Seals <paramref name="plaintext"/> to <paramref name="recipientPublicPem"/> for <paramref name="purpose"/>.</summary>
    /// <exception cref="InvalidDataException">The recipient key is not a P-256 public key.</exception>
    public static SealedBox Seal(string recipientPublicPem, ReadOnlySpan<byte> plaintext, string purpose)
    {
        using var recipient = KeyPairFile.ImportPublic(recipientPublicPem);
        using var recipientDh = ECDiffieHellman.Create(recipient.ExportParameters(false));
        using var ephemeral = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var ephemeralPublic = ephemeral.ExportSubjectPublicKeyInfo();
        var key = DeriveKey(ephemeral.DeriveRawSecretAgreement(recipientDh.PublicKey), ephemeralPublic, recipient.ExportSubjectPublicKeyInfo(), purpose);
        var nonce = RandomNumberGenerator.GetBytes(NonceBytes);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[TagBytes];
        using (var aes = new AesGcm(key, TagBytes))
        {
            aes.Encrypt(nonce, plaintext, ciphertext, tag, ephemeralPublic);
        }

        CryptographicOperations.ZeroMemory(key);
        return new SealedBox(ephemeralPublic, nonce, ciphertext, tag);
    }

    /// <summary>Opens a box sealed to <paramref name="recipient"/>'s public key for <paramref name="purpose"/>.</summary>
    /// <exception cref="CryptographicException">It was not sealed to this key for this purpose, or was altered.</exception>
    public static byte[] Open(ECDsa recipient, SealedBox box, string purpose)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(box);
        using var own = ECDiffieHellman.Create(recipient.ExportParameters(true));
        using var ephemeral = ECDiffieHellman.Create();
        ephemeral.ImportSubjectPublicKeyInfo(box.EphemeralPublicKey, out _);
        var key = DeriveKey(own.DeriveRawSecretAgreement(ephemeral.PublicKey), box.EphemeralPublicKey, recipient.ExportSubjectPublicKeyInfo(), purpose);
        var plaintext = new byte[box.Ciphertext.Length];
        try
        {
            using var aes = new AesGcm(key, TagBytes);
            aes.Decrypt(box.Nonce, box.Ciphertext, box.Tag, plaintext, box.EphemeralPublicKey);
            return plaintext;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private static byte[] DeriveKey(byte[] shared, byte[] ephemeralPublic, byte[] recipientPublic, string purpose)
    {
        try
        {
            return HKDF.DeriveKey(HashAlgorithmName.SHA256, shared, 32, [.. ephemeralPublic, .. recipientPublic], Encoding.UTF8.GetBytes(purpose));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(shared);
        }
    }
}
