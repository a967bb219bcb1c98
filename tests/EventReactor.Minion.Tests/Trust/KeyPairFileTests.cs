using System.Security.Cryptography;
using EventReactor.Storage.Keys;

namespace EventReactor.Minion.Tests.Trust;

// File modes are what is tested, and they exist on Unix only.
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class KeyPairFileTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("keys-");

    private string KeyPath => Path.Combine(_folder.FullName, "sub", "minion.key");

    [Fact]
    public void LoadOrCreate_NoFile_CreatesAP256KeyReadableByItsOwnerOnly()
    {
        using var key = KeyPairFile.LoadOrCreate(KeyPath);

        Assert.Equal(256, key.KeySize);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyPath));
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(KeyPath), StringComparison.Ordinal);
    }

    [Fact]
    public void LoadOrCreate_SecondStart_LoadsTheSameKey()
    {
        using var first = KeyPairFile.LoadOrCreate(KeyPath);
        using var second = KeyPairFile.LoadOrCreate(KeyPath);

        Assert.Equal(KeyPairFile.PublicPem(first), KeyPairFile.PublicPem(second));
    }

    [Fact]
    public void LoadOrCreate_FileReadableByOthers_RefusesNamingTheFileAndTheFix()
    {
        using (KeyPairFile.LoadOrCreate(KeyPath))
        {
        }

        File.SetUnixFileMode(KeyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var error = Assert.Throws<InvalidDataException>(() => KeyPairFile.LoadOrCreate(KeyPath));
        Assert.Contains(KeyPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("chmod 600", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadOrCreate_NotAKey_RefusesSayingSo()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(KeyPath)!);
        File.WriteAllText(KeyPath, "hello");
        File.SetUnixFileMode(KeyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var error = Assert.Throws<InvalidDataException>(() => KeyPairFile.LoadOrCreate(KeyPath));
        Assert.Contains("holds no PEM private key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ImportPublic_P384Key_RefusesAsNotP256()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        var error = Assert.Throws<InvalidDataException>(() => KeyPairFile.ImportPublic(other.ExportSubjectPublicKeyInfoPem()));
        Assert.Contains("P-256", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
