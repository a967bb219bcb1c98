using System.Globalization;
using System.Text.Json;
using EventReactor.Core.Tags;

namespace EventReactor.Core.Targeting;

/// <summary>
/// Salt-style grain targets, <c>path:glob</c>: the path walks nested grains with dots (<c>cpu.vendor:AMD*</c>); a list matches
/// when any element does, and an object element when any of its values does, so <c>gpus:*K80*</c> finds a K80 among the GPUs.
/// </summary>
public static class GrainTarget
{
    public static (string[] Path, TagGlob Glob) Parse(string target)
    {
        var colon = target.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == target.Length - 1)
        {
            throw new TargetException($"grain target '{target}' must be path:glob, e.g. cpu.vendor:AMD* or gpus:*K80*");
        }

        var path = target[..colon].Split('.');
        if (path.Any(string.IsNullOrWhiteSpace))
        {
            throw new TargetException($"grain target '{target}' has an empty path segment in '{target[..colon]}'");
        }

        return (path, TagGlob.Parse(target[(colon + 1)..]));
    }

    public static bool IsMatch(JsonElement? grains, string[] path, TagGlob glob) =>
        grains is { ValueKind: JsonValueKind.Object } root && Walk(root, path, 0, glob);

    private static bool Walk(JsonElement value, string[] path, int depth, TagGlob glob)
    {
        if (depth == path.Length)
        {
            return Leaf(value, glob);
        }

        return value.ValueKind switch
        {
            JsonValueKind.Object => value.TryGetProperty(path[depth], out var child) && Walk(child, path, depth + 1, glob),
            JsonValueKind.Array => value.EnumerateArray().Any(element => Walk(element, path, depth, glob)),
            _ => false,
        };
    }

    private static bool Leaf(JsonElement value, TagGlob glob) => value.ValueKind switch
    {
        JsonValueKind.Array => value.EnumerateArray().Any(element => Leaf(element, glob)),
        JsonValueKind.Object => value.EnumerateObject().Any(property => Leaf(property.Value, glob)),
        JsonValueKind.String => glob.IsMatch(value.GetString()!),
        JsonValueKind.Number => glob.IsMatch(value.GetRawText()),
        JsonValueKind.True or JsonValueKind.False => glob.IsMatch(value.GetBoolean().ToString(CultureInfo.InvariantCulture)),
        _ => false,
    };
}
