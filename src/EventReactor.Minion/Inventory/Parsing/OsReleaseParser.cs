using EventReactor.Contracts.Inventory;

namespace EventReactor.Minion.Inventory.Parsing;

/// <summary>Reads <c>/etc/os-release</c> (shell-style KEY=value lines) and the kernel release.</summary>
internal static class OsReleaseParser
{
    public static OsGrains Parse(string? osRelease, string? kernelRelease)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in TextLines.Of(osRelease))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                values[line[..equals].Trim()] = line[(equals + 1)..].Trim().Trim('"', '\'');
            }
        }

        return new OsGrains(
            values.GetValueOrDefault("NAME"),
            values.GetValueOrDefault("VERSION_ID") ?? values.GetValueOrDefault("VERSION"),
            kernelRelease?.Trim() is { Length: > 0 } kernel ? kernel : null);
    }
}
