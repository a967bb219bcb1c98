using Docker.DotNet;
using Docker.DotNet.Models;

namespace EventReactor.Minion.Docker;

/// <summary>Lists every container on the engine and inspects those whose state differs from what the minion knows.</summary>
internal static class EngineSnapshot
{
    public static async Task<IReadOnlyList<ObservedContainer>> ReadAsync(DockerClient client, IReadOnlyDictionary<string, ContainerState> known, CancellationToken cancellationToken)
    {
        var listed = await client.Containers.ListContainersAsync(new ContainersListParameters { All = true }, cancellationToken);
        var observed = new List<ObservedContainer>(listed.Count);
        foreach (var container in listed)
        {
            var running = container.State is "running" or "paused" or "restarting";
            var name = container.Names?.FirstOrDefault()?.TrimStart('/');
            var labels = container.Labels is null ? new Dictionary<string, string>() : new Dictionary<string, string>(container.Labels, StringComparer.Ordinal);
            if (known.TryGetValue(container.ID, out var last) && last.Running == running && running)
            {
                // Still running as we knew it; nothing to inspect.
                observed.Add(new ObservedContainer(container.ID, name, container.Image, running, last.LastNano, 0, null, labels));
                continue;
            }

            try
            {
                var inspected = await client.Containers.InspectContainerAsync(container.ID, cancellationToken);
                observed.Add(new ObservedContainer(
                    container.ID,
                    name,
                    container.Image,
                    inspected.State?.Running ?? running,
                    EngineTime.ParseNano(inspected.State?.StartedAt),
                    EngineTime.ParseNano(inspected.State?.FinishedAt),
                    inspected.State?.Running == true ? null : inspected.State?.ExitCode,
                    labels));
            }
            catch (DockerContainerNotFoundException)
            {
                // Removed between list and inspect: reconciliation treats it as gone.
            }
        }

        return observed;
    }
}
