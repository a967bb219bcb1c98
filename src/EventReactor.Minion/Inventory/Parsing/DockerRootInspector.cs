using System.Globalization;
using EventReactor.Contracts.Inventory;

namespace EventReactor.Minion.Inventory.Parsing;

/// <summary>Warns about a Docker data root that overlay will break on.</summary>
internal static class DockerRootInspector
{
    // ext4's default is one inode per 16 KiB (65,536 per GiB); "-T largefile" gives one per MiB, and overlay layers,
    // made of many small files, then run out of inodes long before space.
    private const long MinInodesPerGibibyte = 8192;

    private const double MinFreeInodeShare = 0.05;

    public static IEnumerable<string> Warnings(DockerRootGrains? root, DockerGrains? docker)
    {
        if (root is null || root.InodesTotal <= 0)
        {
            yield break; // btrfs and others allocate inodes dynamically and report none
        }

        var overlay = docker?.StorageDriver?.StartsWith("overlay", StringComparison.Ordinal) ?? true;
        if (!overlay)
        {
            yield break;
        }

        var gibibytes = root.SizeBytes / (double)(1L << 30);
        var perGibibyte = gibibytes > 0 ? root.InodesTotal / gibibytes : double.MaxValue;
        if (perGibibyte < MinInodesPerGibibyte)
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"dockerRoot: {root.FsType ?? "file system"} at {root.Path} has only {root.InodesTotal} inodes for {gibibytes:F0} GiB ({perGibibyte:F0} per GiB); overlay runs out of inodes on it (format with the default inode ratio)");
        }

        if (root.InodesFree < root.InodesTotal * MinFreeInodeShare)
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"dockerRoot: {root.Path} has under {MinFreeInodeShare:P0} of its inodes free; overlay will fail to create files");
        }
    }
}
