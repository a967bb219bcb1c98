using EventReactor.Minion.Inventory;
using EventReactor.Contracts.Inventory;
using EventReactor.Minion.Inventory.Parsing;

namespace EventReactor.Minion.Tests.Inventory;

/// <summary>The engine of a recorded host: its <c>docker info</c> and <c>docker version</c> JSON, or none.</summary>
internal sealed class FixtureDockerFactsSource(string root) : IDockerFactsSource
{
    public Task<DockerGrains?> GetAsync(CancellationToken cancellationToken)
    {
        var info = Path.Combine(root, "commands", "docker-info.json");
        var version = Path.Combine(root, "commands", "docker-version.json");
        return Task.FromResult(File.Exists(info)
            ? DockerInfoParser.Parse(File.ReadAllText(info), File.Exists(version) ? File.ReadAllText(version) : null)
            : null);
    }
}
