using EventReactor.Minion.Inventory;
using EventReactor.Contracts.Inventory;

namespace EventReactor.Minion.Tests.Inventory;

/// <summary>A host without a Docker engine.</summary>
internal sealed class AbsentDockerFactsSource : IDockerFactsSource
{
    public Task<DockerGrains?> GetAsync(CancellationToken cancellationToken) => Task.FromResult<DockerGrains?>(null);
}
