namespace EventReactor.Messaging;

/// <summary>TLS for an <c>amqps://</c> bus (section <c>Bus:Tls</c>); the broker's certificate is always verified.</summary>
public sealed class BusTlsOptions
{
    /// <summary>PEM file of the CA that signed the broker's certificate; without it, the system's trusted roots.</summary>
    public string? CaFile { get; set; }

    /// <summary>PEM client certificate, for brokers that ask for one (with <see cref="KeyFile"/>).</summary>
    public string? CertificateFile { get; set; }

    /// <summary>PEM private key of <see cref="CertificateFile"/>.</summary>
    public string? KeyFile { get; set; }

    public bool IsConfigured => CaFile is { Length: > 0 } || CertificateFile is { Length: > 0 } || KeyFile is { Length: > 0 };
}
