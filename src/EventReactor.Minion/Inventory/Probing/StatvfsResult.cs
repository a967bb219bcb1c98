using System.Runtime.InteropServices;

namespace EventReactor.Minion.Inventory.Probing;

// glibc's struct statvfs on 64-bit Linux (x86_64 and aarch64): eleven 64-bit fields then six reserved ints.
[StructLayout(LayoutKind.Sequential)]
internal struct StatvfsResult
{
    public ulong BlockSize;
    public ulong FragmentSize;
    public ulong Blocks;
    public ulong BlocksFree;
    public ulong BlocksAvailable;
    public ulong Files;
    public ulong FilesFree;
    public ulong FilesAvailable;
    public ulong FileSystemId;
    public ulong Flags;
    public ulong NameMax;
    public int Spare0;
    public int Spare1;
    public int Spare2;
    public int Spare3;
    public int Spare4;
    public int Spare5;
}
