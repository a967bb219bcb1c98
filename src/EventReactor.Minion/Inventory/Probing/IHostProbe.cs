namespace EventReactor.Minion.Inventory.Probing;

/// <summary>
/// The host as the inventory sees it: files by absolute path (<c>/proc/cpuinfo</c>), directory listings, file-system
/// usage and commands. Kept this small so that a folder of recorded outputs can stand in for a host in tests.
/// </summary>
public interface IHostProbe
{
    /// <summary>The file's text, or null when it is absent or cannot be read (sysfs refuses some reads).</summary>
    string? ReadFile(string path);

    /// <summary>Names of the entries in a directory, sorted; empty when the directory is absent.</summary>
    IReadOnlyList<string> ListDirectory(string path);

    /// <summary>statvfs of the file system holding <paramref name="path"/>, or null when it cannot be read.</summary>
    FileSystemUsage? GetFileSystemUsage(string path);

    /// <summary>The command's standard output, or null when the program is not present, fails or runs past the timeout.</summary>
    Task<string?> RunAsync(string program, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken);
}
