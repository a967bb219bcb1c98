namespace EventReactor.Minion.Inventory.Parsing;

internal static class DockerRuntimes
{
    /// <summary>
    /// Runtime names sorted, without containerd's shim aliases (<c>io.containerd.runc.v2</c>), which every engine
    /// lists and which say nothing about the host.
    /// </summary>
    public static IReadOnlyList<string> Simplify(IEnumerable<string> names) =>
        names
            .Where(name => !name.StartsWith("io.containerd.", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
}
