using System.Text.Json;

namespace EventReactor.Reactor.Benchmarks;

/// <summary>Reads a dotted grain path (<c>cpu.model</c>, <c>gpus.model</c>) from a grains snapshot as one text to group by; lists contribute each element.</summary>
public static class GrainPath
{
    public const string Missing = "(none)";

    public static string Text(JsonElement? grains, string path)
    {
        IEnumerable<JsonElement> current = grains is { } root ? [root] : [];
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            current = current.SelectMany(Flatten).SelectMany(node =>
                node.ValueKind == JsonValueKind.Object && node.TryGetProperty(part, out var child) ? [child] : Array.Empty<JsonElement>());
        }

        var values = current.SelectMany(Flatten)
            .Where(v => v.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
            .Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return values.Count == 0 ? Missing : string.Join(", ", values);
    }

    private static IEnumerable<JsonElement> Flatten(JsonElement node) => node.ValueKind == JsonValueKind.Array ? node.EnumerateArray() : [node];
}
