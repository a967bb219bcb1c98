using System.Text.Json;
using EventReactor.Contracts.Inventory;

namespace EventReactor.Reactor.Benchmarks;

/// <summary>
/// A host's grains when a run started, so that results compare across hardware even after a host changes: the CPU model,
/// the GPUs' models, the cloud instance type, and the whole grains object for any other comparison (<c>--by</c>).
/// </summary>
public sealed record GrainsSnapshot(string? CpuModel, IReadOnlyList<string> GpuModels, string? InstanceType, JsonElement? All)
{
    public static GrainsSnapshot From(JsonElement? grains)
    {
        if (grains is not { ValueKind: JsonValueKind.Object } root)
        {
            return new GrainsSnapshot(null, [], null, null);
        }

        // Sections another publisher left out read as null (GrainsReader), hence the ?. on non-nullable members.
        var typed = GrainsReader.Read(root);
        return new GrainsSnapshot(
            typed?.Cpu?.Model,
            typed?.Gpus?.Select(gpu => gpu?.Model ?? "unknown").ToList() ?? [],
            typed?.Virtualization?.InstanceType,
            root.Clone());
    }
}
