using System.Text.Json;

namespace EventReactor.Reactor.Benchmarks;

/// <summary>
/// Reads a dotted grain path (<c>cpu.model</c>, <c>gpus.model</c>, <c>gpus[0].model</c>) from a grains snapshot as one text
/// to group by; lists contribute each element unless an index picks one.
/// </summary>
public static class GrainPath
{
    public const string Missing = "(none)";

    public static string Text(JsonElement? grains, string path)
    {
        IEnumerable<JsonElement> current = grains is { } root ? [root] : [];
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, index) = Segment(part);
            current = current.SelectMany(Flatten).SelectMany(node =>
                node.ValueKind == JsonValueKind.Object && node.TryGetProperty(name, out var child) ? [child] : Array.Empty<JsonElement>());
            if (index is { } i)
            {
                current = current.SelectMany(node =>
                    node.ValueKind == JsonValueKind.Array && node.GetArrayLength() > i ? [node[i]] : Array.Empty<JsonElement>());
            }
        }

        var values = current.SelectMany(Flatten)
            .Where(v => v.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
            .Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return values.Count == 0 ? Missing : string.Join(", ", values);
    }

    // "gpus[0]" is the property gpus and its first element.
    private static (string Name, int? Index) Segment(string part) =>
        part.EndsWith(']') && part.IndexOf('[', StringComparison.Ordinal) is > 0 and var open
            && int.TryParse(part.AsSpan(open + 1, part.Length - open - 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            ? (part[..open], index)
            : (part, null);

    private static IEnumerable<JsonElement> Flatten(JsonElement node) => node.ValueKind == JsonValueKind.Array ? node.EnumerateArray() : [node];
}
