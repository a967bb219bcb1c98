using RabbitMQ.Client;

namespace EventReactor.EndToEnd;

/// <summary>Plain RabbitMQ.Client connections to the benchmark's virtual host.</summary>
internal static class BrokerConnections
{
    public static Task<IConnection> OpenAsync(BenchSettings settings, string name) =>
        new ConnectionFactory
        {
            HostName = settings.Host,
            Port = settings.Port,
            VirtualHost = settings.VirtualHost,
            UserName = "guest",
            Password = "guest",
            ClientProvidedName = name,
        }.CreateConnectionAsync();
}
