namespace EventReactor.Minion.Inventory.Parsing;

/// <summary>Reads <c>/proc/mounts</c>: the type of the file system that holds a path is that of its longest mount point.</summary>
internal static class MountsParser
{
    public static string? FileSystemTypeOf(string? mounts, string path)
    {
        string? bestType = null;
        var bestLength = -1;
        foreach (var line in TextLines.Of(mounts))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 3)
            {
                continue;
            }

            // The kernel escapes blanks in mount points as octal, e.g. \040.
            var mountPoint = fields[1].Replace("\\040", " ", StringComparison.Ordinal);
            if (Contains(mountPoint, path) && mountPoint.Length >= bestLength)
            {
                // Later mounts over the same point hide earlier ones, so >= keeps the last.
                bestType = fields[2];
                bestLength = mountPoint.Length;
            }
        }

        return bestType;
    }

    private static bool Contains(string mountPoint, string path) =>
        mountPoint == "/"
        || path == mountPoint
        || path.StartsWith(mountPoint.TrimEnd('/') + "/", StringComparison.Ordinal);
}
