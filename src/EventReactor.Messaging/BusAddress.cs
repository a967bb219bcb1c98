using EventReactor.Contracts.Api;
using RabbitMQ.Client;

namespace EventReactor.Messaging;

/// <summary>A parsed <see cref="BusOptions.Url"/>.</summary>
/// <remarks><c>amqps://</c> is RabbitMQ over TLS (port 5671 by default), configured by <see cref="BusTlsOptions"/>.</remarks>
public sealed record BusAddress(bool InMemory, string Host, ushort Port, string VirtualHost, string Username, string Password, bool Tls = false)
{
    /// <summary>The broker nodes to connect to, in order: the first is <see cref="Host"/> and <see cref="Port"/>.</summary>
    public IReadOnlyList<BusNode> Nodes { get; init; } = [new BusNode(Host, Port)];

    public const string MemoryScheme = "memory";
    public const string RabbitMqScheme = "rabbitmq";
    public const string TlsScheme = "amqps";

    /// <summary>
    /// Parses <c>memory://</c>, or <c>rabbitmq://</c> / <c>amqps://</c> with one node or several of one cluster, comma-separated:
    /// <c>rabbitmq://user:pass@host1:5681,host2:5682,host3:5683/vhost</c>. The nodes share the credentials and the virtual host;
    /// a client connects to the first that answers, in order, and to the next when it loses that one.
    /// </summary>
    public static BusAddress Parse(string url)
    {
        var (prefix, hosts, suffix) = SplitNodes(url);
        var first = ParseOne(prefix + hosts[0] + suffix, url);
        if (hosts.Count == 1)
        {
            return first with { Nodes = [new BusNode(first.Host, first.Port)] };
        }

        if (first.InMemory)
        {
            throw new FormatException($"'{url}' names several hosts; memory:// is one process and takes none");
        }

        // Each node is parsed as the same URL with that host alone, so it is checked as a single-node URL is.
        var nodes = new List<BusNode>(hosts.Count);
        foreach (var host in hosts)
        {
            if (host.Length == 0)
            {
                throw new FormatException($"'{url}' has an empty node in its list of hosts; separate host:port pairs by one comma");
            }

            var node = ParseOne(prefix + host + suffix, url);
            var entry = new BusNode(node.Host, node.Port);
            if (nodes.Contains(entry))
            {
                throw new FormatException($"'{url}' names the node {entry} twice");
            }

            nodes.Add(entry);
        }

        return first with { Nodes = nodes };
    }

    private static BusAddress ParseOne(string url, string whole)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw new FormatException($"'{whole}' is not a URL; use memory://, rabbitmq://user:pass@host:port/vhost or amqps://user:pass@host:port/vhost, with several nodes as host1:port1,host2:port2");
        }

        if (uri.Scheme == MemoryScheme)
        {
            return new BusAddress(true, "localhost", 0, "/", string.Empty, string.Empty);
        }

        if (uri.Scheme != RabbitMqScheme && uri.Scheme != TlsScheme)
        {
            throw new FormatException($"unknown bus scheme '{uri.Scheme}' in '{whole}'; use memory://, rabbitmq:// or amqps://");
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

    // scheme://[userinfo@]host1[:port1][,host2[:port2]...][/path]: what comes before the hosts, the hosts, what comes after.
    private static (string Prefix, List<string> Hosts, string Suffix) SplitNodes(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
        {
            return (string.Empty, [url], string.Empty);
        }

        var authorityStart = scheme + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        authorityEnd = authorityEnd < 0 ? url.Length : authorityEnd;
        var authority = url[authorityStart..authorityEnd];
        var at = authority.LastIndexOf('@');
        var prefix = url[..(authorityStart + at + 1)];
        return (prefix, [.. authority[(at + 1)..].Split(',')], url[authorityEnd..]);
    }

    /// <summary>This address with a process's own broker account in place of the URL's user and password; itself when there is none.</summary>
    public BusAddress WithCredential(BrokerCredential? credential) =>
        credential is null ? this : this with { Username = credential.Username, Password = credential.Password };

    /// <summary>
    /// A RabbitMQ.Client factory for the first node of this address; recovery is left to the caller, which reopens on demand.
    /// <paramref name="heartbeat"/> is <see cref="BusOptions.Heartbeat"/>: unset keeps the client's default.
    /// </summary>
    public ConnectionFactory CreateConnectionFactory(string clientName, BusTlsOptions tls, TimeSpan? heartbeat = null)
    {
        var factory = new ConnectionFactory
        {
            HostName = Host,
            Port = Port,
            VirtualHost = VirtualHost,
            UserName = Username,
            Password = Password,
            ClientProvidedName = clientName,
            AutomaticRecoveryEnabled = false,
            Ssl = Tls ? SslOption(tls, Host) : new SslOption(),
        };
        if (heartbeat is { } interval)
        {
            factory.RequestedHeartbeat = interval;
        }

        return factory;
    }

    /// <summary>Connects to the first of <see cref="Nodes"/> that answers, in order, with <paramref name="options"/>' TLS and heartbeat.</summary>
    public Task<IConnection> ConnectAsync(string clientName, BusOptions options, CancellationToken cancellationToken)
    {
        var factory = CreateConnectionFactory(clientName, options.Tls, options.Heartbeat);
        var endpoints = Nodes.Select(n => new AmqpTcpEndpoint(n.Host, n.Port, Tls ? SslOption(options.Tls, n.Host) : new SslOption())).ToList();
        return factory.CreateConnectionAsync(endpoints, cancellationToken);
    }

    /// <summary>The address without its password, for logs.</summary>
    public override string ToString() => InMemory ? "memory://" : $"{(Tls ? TlsScheme : RabbitMqScheme)}://{Username}@{string.Join(',', Nodes)}/{(VirtualHost == "/" ? string.Empty : VirtualHost)}";

    private static SslOption SslOption(BusTlsOptions tls, string host)
    {
        var option = new SslOption
        {
            Enabled = true,
            ServerName = host,
            CertificateValidationCallback = CertificateTrust.Validator(tls.CaFile),
        };
        if (CertificateTrust.LoadPair(tls.CertificateFile, tls.KeyFile) is { } client)
        {
            option.Certs = [client];
        }

        return option;
    }
}
