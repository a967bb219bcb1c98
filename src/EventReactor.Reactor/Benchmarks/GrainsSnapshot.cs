using System.Text.Json;

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

        return new GrainsSnapshot(
            Text(root, "cpu", "model"),
            root.TryGetProperty("gpus", out var gpus) && gpus.ValueKind == JsonValueKind.Array
                ? gpus.EnumerateArray().Select(g => g.ValueKind == JsonValueKind.Object && g.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "unknown").ToList()
                : [],
            Text(root, "virtualization", "instanceType"),
            root.Clone());
    }

    private static string? Text(JsonElement root, string section, string field) =>
        root.TryGetProperty(section, out var part) && part.ValueKind == JsonValueKind.Object
        && part.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
