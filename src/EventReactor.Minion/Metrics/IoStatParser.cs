namespace EventReactor.Minion.Metrics;

/// <summary>Sums cgroup block I/O over devices, from v2 io.stat or a v1 blkio.throttle file.</summary>
internal static class IoStatParser
{
    /// <summary>v2 lines: <c>8:0 rbytes=1 wbytes=2 rios=3 wios=4 dbytes=0 dios=0</c>.</summary>
    public static IoCounters ParseV2(ReadOnlySpan<byte> content)
    {
        long readBytes = 0, writeBytes = 0, reads = 0, writes = 0;
        while (!content.IsEmpty)
        {
            var line = KernelFile.NextLine(ref content);
            KernelFile.NextField(ref line); // the device
            while (!line.IsEmpty)
            {
                var field = KernelFile.NextField(ref line);
                var equals = field.IndexOf((byte)'=');
                if (equals < 0)
                {
                    continue;
                }

                var value = KernelFile.ParseNumber(field[(equals + 1)..]) ?? 0;
                var key = field[..equals];
                if (key.SequenceEqual("rbytes"u8)) { readBytes += value; }
                else if (key.SequenceEqual("wbytes"u8)) { writeBytes += value; }
                else if (key.SequenceEqual("rios"u8)) { reads += value; }
                else if (key.SequenceEqual("wios"u8)) { writes += value; }
            }
        }

        return new IoCounters(readBytes, writeBytes, reads, writes);
    }

    /// <summary>v1 lines: <c>8:0 Read 4096</c>, <c>8:0 Write 0</c>, … and a closing <c>Total N</c>; only Read and Write are summed.</summary>
    public static IoCounters ParseV1(ReadOnlySpan<byte> content)
    {
        long read = 0, write = 0;
        while (!content.IsEmpty)
        {
            var line = KernelFile.NextLine(ref content);
            KernelFile.NextField(ref line); // the device, or "Total"
            var kind = KernelFile.NextField(ref line);
            var value = KernelFile.ParseNumber(KernelFile.NextField(ref line)) ?? 0;
            if (kind.SequenceEqual("Read"u8)) { read += value; }
            else if (kind.SequenceEqual("Write"u8)) { write += value; }
        }

        return new IoCounters(read, write, 0, 0);
    }
}
