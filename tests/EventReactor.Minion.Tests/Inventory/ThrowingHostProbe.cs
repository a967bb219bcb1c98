using EventReactor.Minion.Inventory.Probing;

namespace EventReactor.Minion.Tests.Inventory;

/// <summary>A host on which listing one directory fails, as an unreadable sysfs folder would.</summary>
internal sealed class ThrowingHostProbe(IHostProbe inner, string brokenDirectory) : IHostProbe
{
    public string? ReadFile(string path) => inner.ReadFile(path);

    public IReadOnlyList<string> ListDirectory(string path) =>
        path == brokenDirectory ? throw new UnauthorizedAccessException($"{path}: permission denied") : inner.ListDirectory(path);

    public FileSystemUsage? GetFileSystemUsage(string path) => inner.GetFileSystemUsage(path);

    public Task<string?> RunAsync(string program, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken) =>
        inner.RunAsync(program, arguments, timeout, cancellationToken);
}
