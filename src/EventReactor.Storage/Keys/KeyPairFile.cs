using System.Security.Cryptography;

namespace EventReactor.Storage.Keys;

/// <summary>
/// A daemon's ECDSA P-256 key pair, kept as a PKCS#8 PEM file readable by its owner only (mode 0600) in its data
/// folder, created on first start. The minion and the reactor both load theirs through here.
/// </summary>
public static class KeyPairFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Loads the key at <paramref name="path"/>, or creates it there (0600) when the file is missing.</summary>
    /// <exception cref="InvalidDataException">The file exists but holds no P-256 private key, or others may read it.</exception>
    public static ECDsa LoadOrCreate(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            TryCreate(full);
        }

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(full) & ~OwnerOnly) != 0)
        {
            throw new InvalidDataException($"the key file {full} may be read by others ({File.GetUnixFileMode(full)}); chmod 600 it");
        }

        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(File.ReadAllText(full));
        }
        catch (ArgumentException ex)
        {
            key.Dispose();
            throw new InvalidDataException($"the key file {full} holds no PEM private key: {ex.Message}", ex);
        }

        if (key.KeySize != 256)
        {
            key.Dispose();
            throw new InvalidDataException($"the key file {full} holds a {key.KeySize}-bit key; an ECDSA P-256 key is expected");
        }

        return key;
    }

    /// <summary>The public half as SubjectPublicKeyInfo PEM, what is exchanged at enrollment.</summary>
    public static string PublicPem(ECDsa key) => key.ExportSubjectPublicKeyInfoPem();

    /// <summary>Reads a public key sent as SubjectPublicKeyInfo PEM; a clear error when it is not a P-256 key.</summary>
    /// <exception cref="InvalidDataException">The text is not a P-256 public key.</exception>
    public static ECDsa ImportPublic(string pem)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new InvalidDataException($"not a PEM public key: {ex.Message}", ex);
        }

        if (key.KeySize != 256)
        {
            key.Dispose();
            throw new InvalidDataException($"a {key.KeySize}-bit key; an ECDSA P-256 key is expected");
        }

        return key;
    }

    /// <summary>A short, stable fingerprint of a public key (SHA-256 of its DER, hex), for listings and logs.</summary>
    public static string Fingerprint(string publicPem)
    {
        using var key = ImportPublic(publicPem);
        return Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()));
    }

    private static void TryCreate(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        try
        {
            using var file = new StreamWriter(new FileStream(path, options));
            file.Write(key.ExportPkcs8PrivateKeyPem());
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: load theirs.
        }
    }
}
