namespace EventReactor.IntegrationTests.Infrastructure;

/// <summary>
/// A RabbitMQ virtual host of its own for one test: the reactor queue name is fixed, so reactors of other test runs on the
/// shared broker would otherwise compete for this test's events.
/// </summary>
internal sealed class RabbitVirtualHost : IAsyncDisposable
{
    private static readonly int[] MainBroker = [5672];

    // The node rabbitmqctl speaks to: the main broker's (rabbitmqctl's default) or a cluster node's.
    private readonly string[] _node;

    private RabbitVirtualHost(string name, string? node, IReadOnlyList<int> ports)
    {
        Name = name;
        _node = node is null ? [] : ["-n", node];
        Ports = ports;
    }

    public string Name { get; }

    /// <summary>The AMQP ports of the broker's nodes, in the order the <see cref="Url"/> names them.</summary>
    public IReadOnlyList<int> Ports { get; }

    public string Url => UrlFrom(0);

    public static Task<RabbitVirtualHost> CreateAsync(string id) => CreateNamedAsync($"eventreactor-it-{id}");

    public static Task<RabbitVirtualHost> CreateNamedAsync(string name) => CreateAsync(name, null, MainBroker);

    /// <summary>A virtual host on a cluster, made through <paramref name="node"/>; its nodes listen on <paramref name="ports"/>.</summary>
    public static async Task<RabbitVirtualHost> CreateAsync(string name, string? node, IReadOnlyList<int> ports)
    {
        var host = new RabbitVirtualHost(name, node, ports);
        await host.CtlAsync("add_vhost", host.Name);
        await host.CtlAsync("set_permissions", "-p", host.Name, "guest", ".*", ".*", ".*");
        return host;
    }

    /// <summary>The URL with every node, starting from the <paramref name="first"/>-th: clients given different starts spread over the nodes.</summary>
    public string UrlFrom(int first) =>
        $"rabbitmq://guest:guest@{string.Join(',', Ports.Select((_, i) => $"localhost:{Ports[(first + i) % Ports.Count]}"))}/{Name}";

    public async ValueTask DisposeAsync() => await CtlAsync("delete_vhost", Name);

    private Task CtlAsync(params string[] arguments) => RabbitMqCtlAsync([.. _node, .. arguments]);

    public static Task<string> RabbitMqCtlAsync(params string[] arguments) =>
        ExternalTool.RunAsync("rabbitmqctl", arguments, "the tests run as root beside the broker (sudo deploy/dev/services.sh)");
}
