using EventReactor.Contracts.Api;
using RabbitMQ.Client;

namespace EventReactor.Messaging;

/// <summary>A parsed <see cref="BusOptions.Url"/>.</summary>
/// <remarks><c>amqps://</c> is RabbitMQ over TLS (port 5671 by default), configured by <see cref="BusTlsOptions"/>.</remarks>
public sealed record BusAddress(bool InMemory, string Host, ushort Port, string VirtualHost, string Username, string Password, bool Tls = false)
{
    public const string MemoryScheme = "memory";
    public const string RabbitMqScheme = "rabbitmq";
    public const string TlsScheme = "amqps";

    public static BusAddress Parse(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw new FormatException($"'{url}' is not a URL; use memory://, rabbitmq://user:pass@host:port/vhost or amqps://user:pass@host:port/vhost");
        }

        if (uri.Scheme == MemoryScheme)
        {
            return new BusAddress(true, "localhost", 0, "/", string.Empty, string.Empty);
        }

        if (uri.Scheme != RabbitMqScheme && uri.Scheme != TlsScheme)
        {
            throw new FormatException($"unknown bus scheme '{uri.Scheme}' in '{url}'; use memory://, rabbitmq:// or amqps://");
        }

        var tls = uri.Scheme == TlsScheme;

        var credentials = uri.UserInfo.Split(':', 2);
        var path = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        return new BusAddress(
            false,
            uri.Host,
            (ushort)(uri.IsDefaultPort || uri.Port <= 0 ? (tls ? 5671 : 5672) : uri.Port),
            path.Length == 0 ? "/" : path,
            credentials[0].Length == 0 ? "guest" : Uri.UnescapeDataString(credentials[0]),
            credentials.Length < 2 ? "guest" : Uri.UnescapeDataString(credentials[1]),
            tls);
    }

    /// <summary>This address with a process's own broker account in place of the URL's user and password; itself when there is none.</summary>
    public BusAddress WithCredential(BrokerCredential? credential) =>
        credential is null ? this : this with { Username = credential.Username, Password = credential.Password };

    /// <summary>A RabbitMQ.Client factory for this address; recovery is left to the caller, which reopens on demand.</summary>
    public ConnectionFactory CreateConnectionFactory(string clientName, BusTlsOptions tls) => new()
    {
        HostName = Host,
        Port = Port,
        VirtualHost = VirtualHost,
        UserName = Username,
        Password = Password,
        ClientProvidedName = clientName,
        AutomaticRecoveryEnabled = false,
        Ssl = Tls ? SslOption(tls) : new SslOption(),
    };

    /// <summary>The address without its password, for logs.</summary>
    public override string ToString() => InMemory ? "memory://" : $"{(Tls ? TlsScheme : RabbitMqScheme)}://{Username}@{Host}:{Port}/{(VirtualHost == "/" ? string.Empty : VirtualHost)}";

    private SslOption SslOption(BusTlsOptions tls)
    {
        var option = new SslOption
        {
            Enabled = true,
            ServerName = Host,
            CertificateValidationCallback = CertificateTrust.Validator(tls.CaFile),
        };
        if (CertificateTrust.LoadPair(tls.CertificateFile, tls.KeyFile) is { } client)
        {
            option.Certs = [client];
        }

        return option;
    }
}
