namespace EventReactor.Minion.Metrics;

/// <summary>Parses /proc/&lt;pid&gt;/net/dev: two header lines, then <c>iface: rxbytes rxpackets … (8 fields) txbytes txpackets …</c>.</summary>
internal static class NetDevParser
{
    public static NetCounters Parse(ReadOnlySpan<byte> content)
    {
        long rxBytes = 0, rxPackets = 0, txBytes = 0, txPackets = 0;
        while (!content.IsEmpty)
        {
            var line = KernelFile.NextLine(ref content);
            var colon = line.IndexOf((byte)':');
            if (colon < 0)
            {
                continue; // a header line
            }

            // Loopback traffic is the container talking to itself, not network use.
            if (line[..colon].Trim(" \t"u8).SequenceEqual("lo"u8))
            {
                continue;
            }

            var fields = line[(colon + 1)..];
            for (var i = 0; i < 10 && !fields.IsEmpty; i++)
            {
                var value = KernelFile.ParseNumber(KernelFile.NextField(ref fields)) ?? 0;
                switch (i)
                {
                    case 0: rxBytes += value; break;
                    case 1: rxPackets += value; break;
                    case 8: txBytes += value; break;
                    case 9: txPackets += value; break;
                }
            }
        }

        return new NetCounters(rxBytes, rxPackets, txBytes, txPackets);
    }
}
