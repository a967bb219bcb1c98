using System.Globalization;
using System.Text.Json;
using EventReactor.Contracts;

namespace EventReactor.EndToEnd;

/// <summary>Container <c>die</c> events shaped like the minion's <c>ContainerEventEmitter</c> makes them.</summary>
internal static class DockerEvents
{
    /// <summary>The label that starts the soak's rule chain (see <see cref="RuleFile.ChainTagPrefix"/>).</summary>
    public const string ChainLabel = "chain";

    public static EventEnvelope Die(string minion, int container, long sequence, bool chain = false)
    {
        var labels = new Dictionary<string, string> { ["team"] = "gpu", ["bench.run"] = sequence.ToString(CultureInfo.InvariantCulture) };
        if (chain)
        {
            labels[ChainLabel] = "yes";
        }

        var id = string.Create(CultureInfo.InvariantCulture, $"{minion}-{container:0000}").PadRight(64, '0');
        var name = string.Create(CultureInfo.InvariantCulture, $"bench-{minion}-{container}");
        var data = JsonSerializer.SerializeToElement(new
        {
            id,
            name,
            image = "bench/busybox:latest",
            action = "die",
            exitCode = 1,
            labels,
            attributes = new Dictionary<string, string> { ["exitCode"] = "1", ["image"] = "bench/busybox:latest", ["name"] = name },
        });
        return EventEnvelope.Create($"minion/{minion}/docker/container/die", $"/minion/{minion}", data, minion);
    }
}
