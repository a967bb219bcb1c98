using System.Globalization;
using EventReactor.Minion.Inventory.Probing;

namespace EventReactor.Minion.Tests.Inventory;

/// <summary>
/// A recorded host: files under the fixture folder as on the host's file system, command outputs in
/// <c>commands/&lt;program&gt;.txt</c>, statvfs results in <c>statvfs.txt</c> (path, fragment size, blocks, free,
/// available, inodes, free inodes; what <c>stat -f -c '%n %S %b %f %a %c %d'</c> prints).
/// </summary>
internal sealed class FixtureHostProbe(string root, bool withCommands = true) : IHostProbe
{
    public string? ReadFile(string path) => File.Exists(Local(path)) ? File.ReadAllText(Local(path)) : null;

    public IReadOnlyList<string> ListDirectory(string path) =>
        Directory.Exists(Local(path))
            ? Directory.EnumerateFileSystemEntries(Local(path)).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList()
            : [];

    public FileSystemUsage? GetFileSystemUsage(string path)
    {
        var lines = ReadFile("/statvfs.txt")?.Split('\n', StringSplitOptions.RemoveEmptyEntries) ?? [];
        foreach (var line in lines)
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 7 && fields[0] == path)
            {
                var numbers = fields[1..].Select(field => long.Parse(field, CultureInfo.InvariantCulture)).ToArray();
                return new FileSystemUsage(numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5]);
            }
        }

        return null;
    }

    public Task<string?> RunAsync(string program, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken) =>
        Task.FromResult(withCommands ? ReadFile($"/commands/{program}.txt") : null);

    private string Local(string path) => Path.Combine(root, path.TrimStart('/'));
}
