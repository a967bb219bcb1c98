using EventReactor.Minion.Docker;
using EventReactor.Contracts.Inventory;
using EventReactor.Minion.Inventory.Parsing;

namespace EventReactor.Minion.Inventory;

/// <summary>Asks the configured engine through its API (<c>/info</c>, <c>/version</c>).</summary>
internal sealed class EngineDockerFactsSource(DockerClientFactory clients) : IDockerFactsSource
{
    // The engine is local; if it has not answered in this long it is wedged, and the inventory must not wait on it.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public async Task<DockerGrains?> GetAsync(CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        try
        {
            using var client = clients.Create();
            var info = await client.System.GetSystemInfoAsync(deadline.Token);
            var version = await client.System.GetVersionAsync(deadline.Token);
            return new DockerGrains(
                TextLines.Trimmed(info.ServerVersion) ?? TextLines.Trimmed(version.Version),
                TextLines.Trimmed(version.APIVersion),
                TextLines.Trimmed(info.Driver),
                TextLines.Trimmed(info.CgroupVersion),
                DockerRuntimes.Simplify(info.Runtimes?.Keys ?? []),
                TextLines.Trimmed(info.DockerRootDir));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return null; // the collector turns "no engine" into docker: null and a warning
        }
    }
}
