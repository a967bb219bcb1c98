using RabbitMQ.Client;

namespace EventReactor.Messaging;

/// <summary>A parsed <see cref="BusOptions.Url"/>.</summary>
public sealed record BusAddress(bool InMemory, string Host, ushort Port, string VirtualHost, string Username, string Password)
{
    public const string MemoryScheme = "memory";
    public const string RabbitMqScheme = "rabbitmq";

    public static BusAddress Parse(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw new FormatException($"'{url}' is not a URL; use memory:// or rabbitmq://user:pass@host:port/vhost");
        }

        if (uri.Scheme == MemoryScheme)
        {
            return new BusAddress(true, "localhost", 0, "/", string.Empty, string.Empty);
        }

        if (uri.Scheme != RabbitMqScheme)
        {
            throw new FormatException($"unknown bus scheme '{uri.Scheme}' in '{url}'; use memory:// or rabbitmq://");
        }

        var credentials = uri.UserInfo.Split(':', 2);
        var path = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        return new BusAddress(
            false,
            uri.Host,
            (ushort)(uri.IsDefaultPort || uri.Port <= 0 ? 5672 : uri.Port),
            path.Length == 0 ? "/" : path,
            credentials[0].Length == 0 ? "guest" : Uri.UnescapeDataString(credentials[0]),
            credentials.Length < 2 ? "guest" : Uri.UnescapeDataString(credentials[1]));
    }

    /// <summary>A RabbitMQ.Client factory for this address; recovery is left to the caller, which reopens on demand.</summary>
    public ConnectionFactory CreateConnectionFactory(string clientName) => new()
    {
        HostName = Host,
        Port = Port,
        VirtualHost = VirtualHost,
        UserName = Username,
        Password = Password,
        ClientProvidedName = clientName,
        AutomaticRecoveryEnabled = false,
    };

    /// <summary>The address without its password, for logs.</summary>
    public override string ToString() => InMemory ? "memory://" : $"rabbitmq://{Username}@{Host}:{Port}/{(VirtualHost == "/" ? string.Empty : VirtualHost)}";
}
