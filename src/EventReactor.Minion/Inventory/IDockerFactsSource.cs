using EventReactor.Contracts.Inventory;

namespace EventReactor.Minion.Inventory;

/// <summary>What the Docker engine says of itself; null when no engine answers.</summary>
internal interface IDockerFactsSource
{
    Task<DockerGrains?> GetAsync(CancellationToken cancellationToken);
}
