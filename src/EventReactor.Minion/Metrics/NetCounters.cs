namespace EventReactor.Minion.Metrics;

/// <summary>Network counters summed over a network namespace's interfaces, loopback excluded.</summary>
internal readonly record struct NetCounters(long ReceiveBytes, long ReceivePackets, long TransmitBytes, long TransmitPackets);
