using Docker.DotNet;
using Microsoft.Extensions.Options;

namespace EventReactor.Minion.Docker;

/// <summary>Creates clients for the configured engine; a fresh one per connection attempt.</summary>
internal sealed class DockerClientFactory(IOptions<MinionOptions> options)
{
    public string Endpoint => options.Value.ResolveDockerEndpoint();

    public DockerClient Create() => new DockerClientConfiguration(new Uri(Endpoint)).CreateClient();
}
