using System.Security.Cryptography;
using System.Text;
using EventReactor.Storage.Keys;

namespace EventReactor.Reactor.Tests.Broker;

/// <summary>A credential sealed to a minion's enrolled ECDSA key opens with that key only, for that purpose only, unaltered.</summary>
public sealed class KeySealingTests : IDisposable
{
    private const string Purpose = "eventreactor/broker-credential/v1";
    private readonly ECDsa _minion = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _other = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    [Fact]
    public void Open_SealedToThisKey_GivesThePlaintext()
    {
        var box = KeySealing.Seal(_minion.ExportSubjectPublicKeyInfoPem(), "secret"u8, Purpose);

        Assert.Equal("secret", Encoding.UTF8.GetString(KeySealing.Open(_minion, box, Purpose)));
        Assert.DoesNotContain("secret", Encoding.UTF8.GetString(box.Ciphertext), StringComparison.Ordinal);
    }

    [Fact]
    public void Seal_Twice_DifferentEphemeralKeysAndCiphertexts()
    {
        var first = KeySealing.Seal(_minion.ExportSubjectPublicKeyInfoPem(), "secret"u8, Purpose);
        var second = KeySealing.Seal(_minion.ExportSubjectPublicKeyInfoPem(), "secret"u8, Purpose);

        Assert.NotEqual(first.EphemeralPublicKey, second.EphemeralPublicKey);
        Assert.NotEqual(first.Ciphertext, second.Ciphertext);
    }

    [Fact]
    public void Open_AnotherKeyAnotherPurposeOrAlteredBytes_Throws()
    {
        var box = KeySealing.Seal(_minion.ExportSubjectPublicKeyInfoPem(), "secret"u8, Purpose);
        var altered = box with { Ciphertext = [.. box.Ciphertext] };
        altered.Ciphertext[0] ^= 1;

        Assert.ThrowsAny<CryptographicException>(() => KeySealing.Open(_other, box, Purpose));
        Assert.ThrowsAny<CryptographicException>(() => KeySealing.Open(_minion, box, "something-else"));
        Assert.ThrowsAny<CryptographicException>(() => KeySealing.Open(_minion, altered, Purpose));
    }

    public void Dispose()
    {
        _minion.Dispose();
        _other.Dispose();
    }
}
