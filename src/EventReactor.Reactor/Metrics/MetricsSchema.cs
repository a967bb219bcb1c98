using EventReactor.Storage;

namespace EventReactor.Reactor.Metrics;

/// <summary>
/// The tables of <c>metrics.db</c>. Times are Unix microseconds. Samples are keyed by what identifies them, so that
/// a batch delivered twice (at-least-once) is stored once (<c>INSERT OR IGNORE</c>).
/// </summary>
internal static class MetricsSchema
{
    // IF NOT EXISTS: a file from before versioned migrations (it set user_version = 1) already has these tables.
    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "container and host samples, the Elasticsearch outbox", """
        CREATE TABLE IF NOT EXISTS container_samples (
            container TEXT NOT NULL,
            time INTEGER NOT NULL,
            minion TEXT NOT NULL,
            cpu_ns INTEGER NOT NULL,
            cpu_periods INTEGER NOT NULL,
            cpu_throttled_periods INTEGER NOT NULL,
            cpu_throttled_ns INTEGER NOT NULL,
            memory_bytes INTEGER NOT NULL,
            memory_peak_bytes INTEGER,
            memory_limit_bytes INTEGER,
            io_read_bytes INTEGER NOT NULL,
            io_write_bytes INTEGER NOT NULL,
            io_read_ops INTEGER NOT NULL,
            io_write_ops INTEGER NOT NULL,
            pids INTEGER NOT NULL,
            net_rx_bytes INTEGER NOT NULL,
            net_rx_packets INTEGER NOT NULL,
            net_tx_bytes INTEGER NOT NULL,
            net_tx_packets INTEGER NOT NULL,
            PRIMARY KEY (container, time)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS container_samples_time ON container_samples (time);
        CREATE TABLE IF NOT EXISTS containers (
            container TEXT PRIMARY KEY,
            minion TEXT NOT NULL,
            name TEXT,
            interval_ms REAL NOT NULL,
            host_cpus INTEGER,
            host_memory_bytes INTEGER,
            last_batch INTEGER NOT NULL,
            ended TEXT);
        CREATE TABLE IF NOT EXISTS host_samples (
            minion TEXT NOT NULL,
            time INTEGER NOT NULL,
            interval_ms REAL NOT NULL,
            cpus INTEGER,
            cpu_total_ticks INTEGER NOT NULL,
            cpu_idle_ticks INTEGER NOT NULL,
            memory_total_bytes INTEGER NOT NULL,
            memory_available_bytes INTEGER NOT NULL,
            load1 REAL NOT NULL,
            load5 REAL NOT NULL,
            load15 REAL NOT NULL,
            disk_read_bytes INTEGER NOT NULL,
            disk_write_bytes INTEGER NOT NULL,
            disk_read_ops INTEGER NOT NULL,
            disk_write_ops INTEGER NOT NULL,
            PRIMARY KEY (minion, time)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS host_samples_time ON host_samples (time);
        CREATE TABLE IF NOT EXISTS es_outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            data_stream TEXT NOT NULL,
            doc_id TEXT NOT NULL,
            document TEXT NOT NULL);
        """),
    ];
}
