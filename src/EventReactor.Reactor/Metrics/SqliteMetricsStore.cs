using EventReactor.Contracts.Metrics;
using Microsoft.Data.Sqlite;

namespace EventReactor.Reactor.Metrics;

/// <summary>Writes sample batches into <c>metrics.db</c>, inside the caller's transaction; a resent sample is ignored.</summary>
internal static class SqliteMetricsStore
{
    public static async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, string minion, ContainerMetricsSampled batch, DateTimeOffset received, CancellationToken cancellationToken)
    {
        await using var container = connection.CreateCommand();
        container.Transaction = transaction;
        container.CommandText = """
            INSERT INTO containers (container, minion, name, interval_ms, host_cpus, host_memory_bytes, last_batch, ended)
            VALUES ($container, $minion, $name, $interval, $cpus, $memory, $received, $ended)
            ON CONFLICT (container) DO UPDATE SET minion = excluded.minion, name = coalesce(excluded.name, name), interval_ms = excluded.interval_ms,
                host_cpus = coalesce(excluded.host_cpus, host_cpus), host_memory_bytes = coalesce(excluded.host_memory_bytes, host_memory_bytes),
                last_batch = max(last_batch, excluded.last_batch), ended = coalesce(excluded.ended, ended)
            """;
        container.Parameters.AddWithValue("$container", batch.Container);
        container.Parameters.AddWithValue("$minion", minion);
        container.Parameters.AddWithValue("$name", (object?)batch.Name ?? DBNull.Value);
        container.Parameters.AddWithValue("$interval", batch.IntervalMs);
        container.Parameters.AddWithValue("$cpus", (object?)batch.HostCpus ?? DBNull.Value);
        container.Parameters.AddWithValue("$memory", (object?)batch.HostMemoryBytes ?? DBNull.Value);
        container.Parameters.AddWithValue("$received", UnixMicros.From(received));
        container.Parameters.AddWithValue("$ended", (object?)batch.Ended ?? DBNull.Value);
        await container.ExecuteNonQueryAsync(cancellationToken);
        if (batch.Samples.Count == 0)
        {
            return;
        }

        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT OR IGNORE INTO container_samples (container, time, minion, cpu_ns, cpu_periods, cpu_throttled_periods, cpu_throttled_ns,
                memory_bytes, memory_peak_bytes, memory_limit_bytes, io_read_bytes, io_write_bytes, io_read_ops, io_write_ops, pids,
                net_rx_bytes, net_rx_packets, net_tx_bytes, net_tx_packets)
            VALUES ($container, $time, $minion, $cpu, $periods, $throttled, $throttledNs, $memory, $peak, $limit, $ioRead, $ioWrite,
                $ioReadOps, $ioWriteOps, $pids, $rx, $rxPackets, $tx, $txPackets)
            """;
        var p = insert.Parameters;
        p.AddWithValue("$container", batch.Container);
        p.AddWithValue("$minion", minion);
        string[] names = ["$time", "$cpu", "$periods", "$throttled", "$throttledNs", "$memory", "$peak", "$limit", "$ioRead", "$ioWrite", "$ioReadOps", "$ioWriteOps", "$pids", "$rx", "$rxPackets", "$tx", "$txPackets"];
        foreach (var name in names)
        {
            p.Add(name, SqliteType.Integer);
        }

        insert.Prepare();
        foreach (var s in batch.Samples)
        {
            object?[] values = [UnixMicros.From(s.Time), s.CpuUsageNanoseconds, s.CpuPeriods, s.CpuThrottledPeriods, s.CpuThrottledNanoseconds, s.MemoryBytes,
                s.MemoryPeakBytes, s.MemoryLimitBytes, s.IoReadBytes, s.IoWriteBytes, s.IoReadOperations, s.IoWriteOperations, s.Pids,
                s.NetReceiveBytes, s.NetReceivePackets, s.NetTransmitBytes, s.NetTransmitPackets];
            for (var i = 0; i < names.Length; i++)
            {
                p[names[i]].Value = values[i] ?? DBNull.Value;
            }

            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public static async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, string minion, HostMetricsSampled batch, CancellationToken cancellationToken)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT OR IGNORE INTO host_samples (minion, time, interval_ms, cpus, cpu_total_ticks, cpu_idle_ticks, memory_total_bytes,
                memory_available_bytes, load1, load5, load15, disk_read_bytes, disk_write_bytes, disk_read_ops, disk_write_ops)
            VALUES ($minion, $time, $interval, $cpus, $total, $idle, $memTotal, $memAvailable, $load1, $load5, $load15, $read, $write, $readOps, $writeOps)
            """;
        var p = insert.Parameters;
        p.AddWithValue("$minion", minion);
        p.AddWithValue("$interval", batch.IntervalMs);
        p.AddWithValue("$cpus", (object?)batch.Cpus ?? DBNull.Value);
        string[] names = ["$time", "$total", "$idle", "$memTotal", "$memAvailable", "$load1", "$load5", "$load15", "$read", "$write", "$readOps", "$writeOps"];
        foreach (var name in names)
        {
            p.Add(name, name.StartsWith("$load", StringComparison.Ordinal) ? SqliteType.Real : SqliteType.Integer);
        }

        insert.Prepare();
        foreach (var s in batch.Samples)
        {
            object[] values = [UnixMicros.From(s.Time), s.CpuTotalTicks, s.CpuIdleTicks, s.MemoryTotalBytes, s.MemoryAvailableBytes, s.Load1, s.Load5, s.Load15,
                s.DiskReadBytes, s.DiskWriteBytes, s.DiskReadOperations, s.DiskWriteOperations];
            for (var i = 0; i < names.Length; i++)
            {
                p[names[i]].Value = values[i];
            }

            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Deletes samples older than <paramref name="before"/>; returns how many went.</summary>
    public static async Task<int> PruneAsync(SqliteConnection connection, DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var delete = connection.CreateCommand();
        delete.CommandText = """
            DELETE FROM container_samples WHERE time < $before;
            DELETE FROM host_samples WHERE time < $before;
            DELETE FROM containers WHERE last_batch < $before AND NOT EXISTS (SELECT 1 FROM container_samples s WHERE s.container = containers.container);
            """;
        delete.Parameters.AddWithValue("$before", UnixMicros.From(before));
        return await delete.ExecuteNonQueryAsync(cancellationToken);
    }
}
