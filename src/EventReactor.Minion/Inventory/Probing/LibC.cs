using System.Runtime.InteropServices;

namespace EventReactor.Minion.Inventory.Probing;

// DriveInfo has no inode counts, and overlay on a file system short of inodes is a known failure, so ask libc.
internal static class LibC
{
    [DllImport("libc", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int statvfs(string path, out StatvfsResult result);

    public static FileSystemUsage? Statvfs(string path)
    {
        if (!OperatingSystem.IsLinux() || !Environment.Is64BitProcess)
        {
            return null;
        }

        if (statvfs(path, out var result) != 0)
        {
            return null;
        }

        return new FileSystemUsage(
            (long)result.FragmentSize,
            (long)result.Blocks,
            (long)result.BlocksFree,
            (long)result.BlocksAvailable,
            (long)result.Files,
            (long)result.FilesFree);
    }
}
