using System.Globalization;
using EventReactor.Contracts.Inventory;
using EventReactor.Minion.Inventory.Parsing;
using EventReactor.Minion.Inventory.Probing;

namespace EventReactor.Minion.Inventory;

/// <summary>Collects block devices and the file system under Docker's data root.</summary>
internal static class StorageInventory
{
    public const string DefaultDockerRoot = "/var/lib/docker";

    // Loop, RAM, compressed-RAM, device-mapper, optical and network block devices are not disks of the host.
    private static readonly string[] NotDisks = ["loop", "ram", "zram", "dm-", "sr", "fd", "nbd"];

    public static IReadOnlyList<DiskGrains> Disks(IHostProbe probe)
    {
        var disks = new List<DiskGrains>();
        foreach (var name in probe.ListDirectory("/sys/block"))
        {
            if (NotDisks.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal))
                || !long.TryParse(probe.ReadFile($"/sys/block/{name}/size")?.Trim(), CultureInfo.InvariantCulture, out var sectors))
            {
                continue;
            }

            bool? rotational = TextLines.Trimmed(probe.ReadFile($"/sys/block/{name}/queue/rotational")) switch
            {
                "1" => true,
                "0" => false,
                _ => null,
            };

            // The kernel counts size in 512-byte sectors whatever the device's own sector size.
            disks.Add(new DiskGrains(name, sectors * 512, rotational, TextLines.Trimmed(probe.ReadFile($"/sys/block/{name}/device/model"))));
        }

        return disks;
    }

    public static DockerRootGrains? DockerRoot(IHostProbe probe, string path)
    {
        if (probe.GetFileSystemUsage(path) is not { } usage)
        {
            return null;
        }

        return new DockerRootGrains(
            path,
            MountsParser.FileSystemTypeOf(probe.ReadFile("/proc/mounts"), path),
            usage.Blocks * usage.FragmentSize,
            usage.BlocksAvailable * usage.FragmentSize,
            usage.Files,
            usage.FilesFree);
    }
}
