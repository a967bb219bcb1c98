using EventReactor.Contracts;
using EventReactor.Contracts.Api;
using Microsoft.Data.Sqlite;

namespace EventReactor.Reactor.Metrics;

/// <summary>Reads container and host samples back from <c>metrics.db</c>: for the HTTP API and <c>bench show</c>.</summary>
internal sealed class ContainerMetricsQuery(MetricsDatabase database)
{
    private const string SampleColumns = "time, cpu_ns, cpu_periods, cpu_throttled_periods, cpu_throttled_ns, memory_bytes, memory_peak_bytes, memory_limit_bytes, io_read_bytes, io_write_bytes, io_read_ops, io_write_ops, pids, net_rx_bytes, net_rx_packets, net_tx_bytes, net_tx_packets";

    /// <summary>One summary per requested container (by full id), in the order asked; a container never sampled has zero samples.</summary>
    public async Task<IReadOnlyList<ContainerMetricsSummary>> SummarizeAsync(IReadOnlyCollection<string> containerIds, CancellationToken cancellationToken)
    {
        return await database.ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            // The span's aggregates, then its first and last rows by their (container, time) key: counters are cumulative.
            command.CommandText = """
                SELECT a.samples, a.first, a.last, a.peak, f.cpu_ns, l.cpu_ns, l.io_read_bytes, l.io_write_bytes, l.net_rx_bytes, l.net_tx_bytes,
                    c.name, c.minion, c.ended
                FROM (SELECT count(*) AS samples, min(time) AS first, max(time) AS last,
                          max(max(coalesce(memory_peak_bytes, 0)), max(memory_bytes)) AS peak
                      FROM container_samples WHERE container = $id) a
                LEFT JOIN container_samples f ON f.container = $id AND f.time = a.first
                LEFT JOIN container_samples l ON l.container = $id AND l.time = a.last
                LEFT JOIN containers c ON c.container = $id
                """;
            var id = command.Parameters.Add("$id", SqliteType.Text);
            var summaries = new List<ContainerMetricsSummary>(containerIds.Count);
            foreach (var container in containerIds)
            {
                id.Value = container;
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
                summaries.Add(Summarize(container, reader));
            }

            return summaries;
        }, cancellationToken);
    }

    /// <summary>The container's full id for a unique id prefix (as Docker accepts), or null when none or several match.</summary>
    public async Task<string?> ResolveAsync(string prefix, CancellationToken cancellationToken)
    {
        var matches = await database.QueryAsync("SELECT container FROM containers WHERE container >= $prefix AND container < $prefix || x'ff' LIMIT 2", r => r.GetString(0), cancellationToken, ("$prefix", prefix));
        return matches.Count == 1 ? matches[0] : null;
    }

    /// <summary>The container's samples in time order, from <paramref name="since"/> on, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<ContainerSample>> SamplesAsync(string container, DateTimeOffset? since, int limit, CancellationToken cancellationToken) =>
        await database.QueryAsync(
            $"SELECT {SampleColumns} FROM container_samples WHERE container = $container AND time >= $since ORDER BY time LIMIT $limit",
            ReadContainerSample,
            cancellationToken,
            ("$container", container),
            ("$since", since is { } from ? UnixMicros.From(from) : long.MinValue),
            ("$limit", limit));

    /// <summary>The container's sample count and first and last times, from its (container, time) key.</summary>
    public async Task<SampleSpan> SpanAsync(string container, CancellationToken cancellationToken) =>
        (await database.QueryAsync(
            "SELECT count(*), coalesce(min(time), 0), coalesce(max(time), 0) FROM container_samples WHERE container = $container",
            reader => new SampleSpan(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2)),
            cancellationToken,
            ("$container", container)))[0];

    /// <summary>A minion's host samples in time order, from <paramref name="since"/> on, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<HostSample>> HostSamplesAsync(string minion, DateTimeOffset? since, int limit, CancellationToken cancellationToken) =>
        await database.QueryAsync(
            """
            SELECT time, cpu_total_ticks, cpu_idle_ticks, memory_total_bytes, memory_available_bytes, load1, load5, load15,
                disk_read_bytes, disk_write_bytes, disk_read_ops, disk_write_ops
            FROM host_samples WHERE minion = $minion AND time >= $since ORDER BY time LIMIT $limit
            """,
            ReadHostSample,
            cancellationToken,
            ("$minion", minion),
            ("$since", since is { } from ? UnixMicros.From(from) : long.MinValue),
            ("$limit", limit));

    private static ContainerSample ReadContainerSample(SqliteDataReader reader) => new()
    {
        Time = UnixMicros.ToTime(reader.GetInt64(0)),
        CpuUsageNanoseconds = reader.GetInt64(1),
        CpuPeriods = reader.GetInt64(2),
        CpuThrottledPeriods = reader.GetInt64(3),
        CpuThrottledNanoseconds = reader.GetInt64(4),
        MemoryBytes = reader.GetInt64(5),
        MemoryPeakBytes = reader.IsDBNull(6) ? null : reader.GetInt64(6),
        MemoryLimitBytes = reader.IsDBNull(7) ? null : reader.GetInt64(7),
        IoReadBytes = reader.GetInt64(8),
        IoWriteBytes = reader.GetInt64(9),
        IoReadOperations = reader.GetInt64(10),
        IoWriteOperations = reader.GetInt64(11),
        Pids = reader.GetInt64(12),
        NetReceiveBytes = reader.GetInt64(13),
        NetReceivePackets = reader.GetInt64(14),
        NetTransmitBytes = reader.GetInt64(15),
        NetTransmitPackets = reader.GetInt64(16),
    };

    private static HostSample ReadHostSample(SqliteDataReader reader) => new()
    {
        Time = UnixMicros.ToTime(reader.GetInt64(0)),
        CpuTotalTicks = reader.GetInt64(1),
        CpuIdleTicks = reader.GetInt64(2),
        MemoryTotalBytes = reader.GetInt64(3),
        MemoryAvailableBytes = reader.GetInt64(4),
        Load1 = reader.GetDouble(5),
        Load5 = reader.GetDouble(6),
        Load15 = reader.GetDouble(7),
        DiskReadBytes = reader.GetInt64(8),
        DiskWriteBytes = reader.GetInt64(9),
        DiskReadOperations = reader.GetInt64(10),
        DiskWriteOperations = reader.GetInt64(11),
    };

    private static ContainerMetricsSummary Summarize(string container, SqliteDataReader reader)
    {
        var count = reader.GetInt32(0);
        var name = reader.IsDBNull(10) ? null : reader.GetString(10);
        var minion = reader.IsDBNull(11) ? null : reader.GetString(11);
        var ended = reader.IsDBNull(12) ? null : reader.GetString(12);
        if (count == 0)
        {
            return new ContainerMetricsSummary { Container = container, Name = name, Minion = minion, Ended = ended };
        }

        var first = UnixMicros.ToTime(reader.GetInt64(1));
        var last = UnixMicros.ToTime(reader.GetInt64(2));
        var firstCpu = reader.GetInt64(4);
        var lastCpu = reader.GetInt64(5);
        var span = (last - first).TotalSeconds;
        return new ContainerMetricsSummary
        {
            Container = container,
            Name = name,
            Minion = minion,
            Ended = ended,
            Samples = count,
            First = first,
            Last = last,
            MeanIntervalMs = count > 1 ? span * 1000 / (count - 1) : null,
            CpuSeconds = lastCpu / 1e9,
            MeanCpuCores = span > 0 ? (lastCpu - firstCpu) / 1e9 / span : null,
            PeakMemoryBytes = reader.GetInt64(3),
            IoReadBytes = reader.GetInt64(6),
            IoWriteBytes = reader.GetInt64(7),
            NetReceiveBytes = reader.GetInt64(8),
            NetTransmitBytes = reader.GetInt64(9),
        };
    }
}
