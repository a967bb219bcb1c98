using Docker.DotNet;
using Docker.DotNet.Models;
using RabbitMQ.Client;

namespace EventReactor.IntegrationTests.Infrastructure;

/// <summary>
/// The real services the integration tests need: a Docker engine with the local test image, and RabbitMQ.
/// A missing service fails the tests with the command that fixes it; nothing is skipped. The broker is shared with
/// other test runs (and versions), so the run works in a virtual host of its own, removed at the end.
/// </summary>
public sealed class ServicesFixture : IAsyncLifetime
{
    public const string Image = "eventreactor/busybox:latest";
    /// <summary>This run's virtual host on the shared broker.</summary>
    public static readonly string VirtualHost = $"eventreactor-it-run-{Guid.NewGuid().ToString("N")[..8]}";

    public static string RabbitMqUrl => $"rabbitmq://guest:guest@localhost:5672/{VirtualHost}";

    /// <summary>The same virtual host as an AMQP URI, for amqp-tools.</summary>
    public static string AmqpUrl => $"amqp://guest:guest@localhost:5672/{VirtualHost}";

    private RabbitVirtualHost? _virtualHost;
    private const string Fix = "start them with: sudo deploy/dev/services.sh";

    public DockerClient Docker { get; } = new DockerClientConfiguration(new Uri("unix:///var/run/docker.sock")).CreateClient();

    public async Task InitializeAsync()
    {
        try
        {
            await Docker.System.PingAsync();
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"The Docker engine at unix:///var/run/docker.sock does not answer ({ex.GetBaseException().Message}); {Fix}", ex);
        }

        var images = await Docker.Images.ListImagesAsync(new ImagesListParameters { Filters = new Dictionary<string, IDictionary<string, bool>> { ["reference"] = new Dictionary<string, bool> { [Image] = true } } });
        if (images.Count == 0)
        {
            throw new InvalidOperationException($"The test image {Image} is missing; {Fix}");
        }

        try
        {
            var factory = new ConnectionFactory { HostName = "localhost", Port = 5672, UserName = "guest", Password = "guest" };
            await using var connection = await factory.CreateConnectionAsync();
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"RabbitMQ at localhost:5672 does not answer ({ex.GetBaseException().Message}); {Fix}", ex);
        }

        _virtualHost = await RabbitVirtualHost.CreateNamedAsync(VirtualHost);
    }

    /// <summary>A connection factory for this run's virtual host.</summary>
    public static ConnectionFactory Broker() => new() { HostName = "localhost", UserName = "guest", Password = "guest", VirtualHost = VirtualHost };

    /// <summary>Runs a throw-away container to its end and returns when it has died.</summary>
    public async Task RunToExitAsync(string name, params string[] command)
    {
        var created = await Docker.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Name = name,
            Image = Image,
            Cmd = command,
            // No test needs the network; without it, containers also start faster and need no bridge.
            HostConfig = new HostConfig { AutoRemove = true, NetworkMode = "none" },
        });
        var exited = Docker.Containers.WaitContainerAsync(created.ID);
        await Docker.Containers.StartContainerAsync(created.ID, new ContainerStartParameters());
        try
        {
            await exited;
        }
        catch (DockerContainerNotFoundException)
        {
            // Auto-remove can win the race with the wait; the container has exited either way.
        }
    }

    public async Task DisposeAsync()
    {
        Docker.Dispose();
        if (_virtualHost is not null)
        {
            await _virtualHost.DisposeAsync();
        }
    }
}
