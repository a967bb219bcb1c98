using Docker.DotNet;
using Docker.DotNet.Models;
using RabbitMQ.Client;

namespace EventReactor.IntegrationTests.Infrastructure;

/// <summary>
/// The real services the integration tests need: a Docker engine with the local test image, and RabbitMQ.
/// A missing service fails the tests with the command that fixes it; nothing is skipped.
/// </summary>
public sealed class ServicesFixture : IAsyncLifetime
{
    public const string Image = "eventreactor/busybox:latest";
    public const string RabbitMqUrl = "rabbitmq://guest:guest@localhost:5672/";
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
    }

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

    public Task DisposeAsync()
    {
        Docker.Dispose();
        return Task.CompletedTask;
    }
}
