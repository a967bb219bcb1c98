namespace EventReactor.Minion.Inventory.Parsing;

internal static class TextLines
{
    public static IEnumerable<string> Of(string? text) =>
        text is null ? [] : text.Split('\n').Select(line => line.TrimEnd('\r'));

    /// <summary>The value after the colon of <c>Key : value</c> lines as /proc writes them.</summary>
    public static (string Key, string Value)? SplitColon(string line)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? null : (line[..colon].Trim(), line[(colon + 1)..].Trim());
    }

    public static string? Trimmed(string? text) => text?.Trim() is { Length: > 0 } trimmed ? trimmed : null;
}
