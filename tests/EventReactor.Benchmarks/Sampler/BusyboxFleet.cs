using Docker.DotNet;
using Docker.DotNet.Models;

namespace EventReactor.Benchmarks.Sampler;

/// <summary>Idle busybox containers (<c>sleep 3600</c>, no network) to sample; removed on dispose.</summary>
internal sealed class BusyboxFleet(DockerClient client) : IAsyncDisposable
{
    private const string Image = "eventreactor/busybox:latest";
    private const string Label = "eventreactor.benchmark";

    public List<ContainerInspectResponse> Containers { get; } = [];

    public async Task StartAsync(int count, CancellationToken cancellationToken)
    {
        // A few at a time: the machine is shared, and the engine serialises much of the work anyway.
        using var gate = new SemaphoreSlim(4);
        var started = await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                var created = await client.Containers.CreateContainerAsync(new CreateContainerParameters
                {
                    Image = Image,
                    Cmd = ["sleep", "3600"],
                    Labels = new Dictionary<string, string> { [Label] = "sampler" },
                    HostConfig = new HostConfig { NetworkMode = "none", AutoRemove = false },
                }, cancellationToken);
                await client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), cancellationToken);
                return await client.Containers.InspectContainerAsync(created.ID, cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }));
        Containers.AddRange(started);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var container in Containers)
        {
            try
            {
                await client.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true });
            }
            catch (DockerApiException)
            {
                // Already gone.
            }
        }
    }
}
