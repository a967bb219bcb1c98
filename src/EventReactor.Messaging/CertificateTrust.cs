using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace EventReactor.Messaging;

/// <summary>
/// Verifies a server's certificate: against the system's roots, or only against the CA in a PEM file. The name must
/// match either way; there is no setting that accepts an untrusted certificate.
/// </summary>
public static class CertificateTrust
{
    /// <summary>A validation callback for <see cref="SslStream"/>, RabbitMQ.Client and HttpClient.</summary>
    public static RemoteCertificateValidationCallback Validator(string? caFile)
    {
        if (caFile is not { Length: > 0 })
        {
            return (_, _, _, errors) => errors == SslPolicyErrors.None;
        }

        var roots = new X509Certificate2Collection();
        roots.ImportFromPemFile(caFile);
        if (roots.Count == 0)
        {
            throw new InvalidDataException($"'{caFile}' holds no PEM certificate");
        }

        return (_, certificate, _, errors) => certificate is not null
            && (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None
            && ChainsTo(certificate, roots);
    }

    /// <summary>A certificate with its key from two PEM files, or null when none is configured.</summary>
    public static X509Certificate2? LoadPair(string? certificateFile, string? keyFile) =>
        certificateFile is { Length: > 0 } && keyFile is { Length: > 0 }
            ? X509Certificate2.CreateFromPemFile(certificateFile, keyFile)
            : null;

    private static bool ChainsTo(X509Certificate certificate, X509Certificate2Collection roots)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }
}
