using Microsoft.Win32.SafeHandles;

namespace EventReactor.Minion.Metrics;

/// <summary>
/// Reads small kernel files (cgroup, /proc) into a caller's buffer and parses numbers from the bytes, so that sampling
/// hundreds of files a second allocates no strings.
/// </summary>
internal static class KernelFile
{
    /// <summary>The most a sampled file is read; io.stat on a host with many disks is the largest, and stays well below.</summary>
    public const int BufferSize = 8192;

    /// <summary>Reads the file into <paramref name="buffer"/>; -1 when it does not exist (the cgroup went away).</summary>
    public static int Read(string path, Span<byte> buffer)
    {
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            return -1;
        }

        using (handle)
        {
            var total = 0;
            int read;
            // Kernel files report no length; read until the end or the buffer is full.
            while (total < buffer.Length && (read = RandomAccess.Read(handle, buffer[total..], total)) > 0)
            {
                total += read;
            }

            return total;
        }
    }

    /// <summary>
    /// Reads the file through a handle kept open between samples: a cgroup or /proc file read again at offset 0
    /// returns fresh values, and skipping open and close makes a read about seven times cheaper. -1 when the file
    /// is gone; on cgroupfs a removed cgroup's open files fail with ENODEV, which lands here too.
    /// </summary>
    public static int Read(ref SafeFileHandle? handle, string path, Span<byte> buffer)
    {
        if (handle is null)
        {
            try
            {
                handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            }
            catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
            {
                return -1;
            }
        }

        try
        {
            var total = 0;
            int read;
            while (total < buffer.Length && (read = RandomAccess.Read(handle, buffer[total..], total)) > 0)
            {
                total += read;
            }

            return total;
        }
        catch (IOException)
        {
            handle.Dispose();
            handle = null;
            return -1;
        }
    }

    /// <summary>The leading unsigned number of the content, or null for "max" or an empty file.</summary>
    public static long? ParseNumber(ReadOnlySpan<byte> content)
    {
        var value = 0L;
        var digits = 0;
        foreach (var b in content.TrimStart((byte)' '))
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                break;
            }

            value = unchecked((value * 10) + (b - '0'));
            digits++;
        }

        return digits == 0 ? null : value;
    }

    /// <summary>The value on the line that starts with <paramref name="key"/> and a space (as in cpu.stat), or null.</summary>
    public static long? ParseKeyed(ReadOnlySpan<byte> content, ReadOnlySpan<byte> key)
    {
        while (!content.IsEmpty)
        {
            var end = content.IndexOf((byte)'\n');
            var line = end < 0 ? content : content[..end];
            if (line.Length > key.Length && line.StartsWith(key) && line[key.Length] is (byte)' ' or (byte)'\t' or (byte)':')
            {
                return ParseNumber(line[(key.Length + 1)..].TrimStart(" \t"u8));
            }

            content = end < 0 ? default : content[(end + 1)..];
        }

        return null;
    }

    /// <summary>Splits off the next whitespace-separated field of <paramref name="line"/>.</summary>
    public static ReadOnlySpan<byte> NextField(ref ReadOnlySpan<byte> line)
    {
        line = line.TrimStart(" \t"u8);
        var end = line.IndexOfAny((byte)' ', (byte)'\t');
        var field = end < 0 ? line : line[..end];
        line = end < 0 ? default : line[end..];
        return field;
    }

    /// <summary>Splits off the next line of <paramref name="content"/>.</summary>
    public static ReadOnlySpan<byte> NextLine(ref ReadOnlySpan<byte> content)
    {
        var end = content.IndexOf((byte)'\n');
        var line = end < 0 ? content : content[..end];
        content = end < 0 ? default : content[(end + 1)..];
        return line;
    }
}
