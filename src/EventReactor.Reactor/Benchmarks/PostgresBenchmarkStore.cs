using System.Text.Json;
using EventReactor.Contracts.Api;
using EventReactor.Core.Benchmarks;
using EventReactor.Reactor.State;
using EventReactor.Storage.Postgres;
using Npgsql;

namespace EventReactor.Reactor.Benchmarks;

/// <summary>
/// Benchmark runs, their hosts, repetitions and results in PostgreSQL (migration 5). Text is ordered byte-wise
/// (<c>COLLATE "C"</c>), as SQLite orders it, whatever the database's collation.
/// </summary>
internal sealed class PostgresBenchmarkStore(ReactorPostgresDatabase database) : IBenchmarkStore
{
    private const string RunColumns = "id, suite, status, reason, target, target_type, minions, policy, definition, caused_by, created_at, started_at, ended_at";
    private const string RepetitionColumns = "run, minion, warmup, idx, attempt, jid, container_id, status, reason, exit_code, started_at, ended_at, metric_values";
    private const string Unfinished = "('pending', 'running')";

    // This reactor's writes invalidate it; writes by other reactors on the same database do not yet (a later step of issue #12).
    private readonly MeasuredValuesCache _measured = new();

    public Task CreateRunAsync(BenchmarkRun run, IReadOnlyList<BenchmarkHost> hosts, CancellationToken cancellationToken) =>
        InvalidatingMeasuredAsync(database.InTransactionAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync($"INSERT INTO bench_runs ({RunColumns}) VALUES (@id, @suite, @status, @reason, @target, @type, @minions, @policy, @definition, @causedBy, @created, NULL, NULL)", transaction, cancellationToken,
                ("id", run.Id), ("suite", run.Suite), ("status", run.Status.ToWire()), ("reason", run.Reason), ("target", run.Target), ("type", run.TargetType),
                ("minions", JsonSerializer.Serialize(run.Minions)), ("policy", JsonSerializer.Serialize(run.Policy, JsonSerializerOptions.Web)),
                ("definition", run.Definition), ("causedBy", run.CausedBy), ("created", run.CreatedAt.ToUnixTimeMilliseconds()));
            foreach (var host in hosts)
            {
                await connection.ExecuteAsync("INSERT INTO bench_hosts (run, minion, status, reason, cpu_model, gpu_models, instance_type, grains) VALUES (@run, @minion, @status, @reason, @cpu, @gpus, @instance, @grains)", transaction, cancellationToken,
                    ("run", host.Run), ("minion", host.Minion), ("status", host.Status.ToWire()), ("reason", host.Reason), ("cpu", host.Grains.CpuModel),
                    ("gpus", JsonSerializer.Serialize(host.Grains.GpuModels)), ("instance", host.Grains.InstanceType), ("grains", host.Grains.All?.GetRawText()));
            }

            return true;
        }, cancellationToken));

    public Task SetRunStatusAsync(string run, BenchmarkStatus status, string? reason, DateTimeOffset? startedAt, DateTimeOffset? endedAt, CancellationToken cancellationToken) =>
        database.ExecuteAsync("UPDATE bench_runs SET status = @status, reason = @reason, started_at = COALESCE(@started, started_at), ended_at = COALESCE(@ended, ended_at) WHERE id = @id", cancellationToken,
            ("id", run), ("status", status.ToWire()), ("reason", reason), ("started", startedAt?.ToUnixTimeMilliseconds()), ("ended", endedAt?.ToUnixTimeMilliseconds()));

    public Task SetHostStatusAsync(string run, string minion, BenchmarkStatus status, string? reason, CancellationToken cancellationToken, bool onlyUnfinished = false) =>
        InvalidatingMeasuredAsync(database.ExecuteAsync($"UPDATE bench_hosts SET status = @status, reason = @reason WHERE run = @run AND minion = @minion{(onlyUnfinished ? $" AND status IN {Unfinished}" : string.Empty)}", cancellationToken,
            ("run", run), ("minion", minion), ("status", status.ToWire()), ("reason", reason)));

    public Task SaveRepetitionAsync(BenchmarkRepetition repetition, CancellationToken cancellationToken) =>
        InvalidatingMeasuredAsync(database.ExecuteAsync(
            $"""
            INSERT INTO bench_repetitions ({RepetitionColumns}) VALUES (@run, @minion, @warmup, @idx, @attempt, @jid, @container, @status, @reason, @exit, @started, @ended, @values)
            ON CONFLICT (run, minion, warmup, idx, attempt) DO UPDATE SET jid = excluded.jid, container_id = excluded.container_id, status = excluded.status,
                reason = excluded.reason, exit_code = excluded.exit_code, started_at = excluded.started_at, ended_at = excluded.ended_at, metric_values = excluded.metric_values
            """,
            cancellationToken,
            ("run", repetition.Run), ("minion", repetition.Minion), ("warmup", repetition.Warmup), ("idx", repetition.Index), ("attempt", repetition.Attempt),
            ("jid", repetition.Jid), ("container", repetition.ContainerId), ("status", repetition.Status.ToWire()), ("reason", repetition.Reason), ("exit", repetition.ExitCode),
            ("started", repetition.StartedAt.ToUnixTimeMilliseconds()), ("ended", repetition.EndedAt?.ToUnixTimeMilliseconds()),
            ("values", JsonSerializer.Serialize(repetition.Values, JsonSerializerOptions.Web))));

    public Task FailRunningRepetitionsAsync(string run, string reason, DateTimeOffset endedAt, CancellationToken cancellationToken) =>
        InvalidatingMeasuredAsync(database.ExecuteAsync($"UPDATE bench_repetitions SET status = '{BenchmarkStatus.Failed.ToWire()}', reason = @reason, ended_at = @ended WHERE run = @run AND status = '{BenchmarkStatus.Running.ToWire()}'", cancellationToken,
            ("run", run), ("reason", reason), ("ended", endedAt.ToUnixTimeMilliseconds())));

    public Task SetContainerAsync(string jid, string containerId, CancellationToken cancellationToken) =>
        database.ExecuteAsync("UPDATE bench_repetitions SET container_id = @container WHERE jid = @jid AND container_id IS NULL", cancellationToken, ("jid", jid), ("container", containerId));

    public Task SaveResultsAsync(IReadOnlyList<HostMetricResult> results, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            foreach (var result in results)
            {
                var s = result.Stats;
                await connection.ExecuteAsync(
                    """
                    INSERT INTO bench_results (run, minion, metric, unit, higher_is_better, n, mean, stddev, min, max, p50, p95, rsd)
                    VALUES (@run, @minion, @metric, @unit, @higher, @n, @mean, @stddev, @min, @max, @p50, @p95, @rsd)
                    ON CONFLICT (run, minion, metric) DO UPDATE SET unit = excluded.unit, higher_is_better = excluded.higher_is_better, n = excluded.n, mean = excluded.mean,
                        stddev = excluded.stddev, min = excluded.min, max = excluded.max, p50 = excluded.p50, p95 = excluded.p95, rsd = excluded.rsd
                    """,
                    transaction, cancellationToken,
                    ("run", result.Run), ("minion", result.Minion), ("metric", result.Metric), ("unit", result.Unit), ("higher", result.HigherIsBetter),
                    ("n", s.N), ("mean", s.Mean), ("stddev", s.StdDev), ("min", s.Min), ("max", s.Max), ("p50", s.P50), ("p95", s.P95), ("rsd", s.Rsd));
            }

            return true;
        }, cancellationToken);

    public async Task<IReadOnlyList<BenchmarkRun>> ListRunsAsync(string? suite, int limit, CancellationToken cancellationToken) =>
        await database.QueryAsync($"SELECT {RunColumns} FROM bench_runs WHERE (@suite::text IS NULL OR suite = @suite) ORDER BY created_at DESC, id COLLATE \"C\" DESC LIMIT @limit", ReadRun, cancellationToken,
            ("suite", suite), ("limit", limit));

    public async Task<IReadOnlyList<BenchmarkRun>> ListUnfinishedAsync(CancellationToken cancellationToken) =>
        await database.QueryAsync($"SELECT {RunColumns} FROM bench_runs WHERE status IN {Unfinished}", ReadRun, cancellationToken);

    public Task<BenchmarkRunDetail?> FindAsync(string id, CancellationToken cancellationToken) =>
        database.ReadAsync(async connection =>
        {
            var run = (await connection.QueryAsync($"SELECT {RunColumns} FROM bench_runs WHERE id = @id", ReadRun, cancellationToken, ("id", id))).FirstOrDefault();
            if (run is null)
            {
                return null;
            }

            var hosts = await connection.QueryAsync("SELECT run, minion, status, reason, cpu_model, gpu_models, instance_type, grains FROM bench_hosts WHERE run = @id ORDER BY minion COLLATE \"C\"", ReadHost, cancellationToken, ("id", id));
            var repetitions = await connection.QueryAsync($"SELECT {RepetitionColumns} FROM bench_repetitions WHERE run = @id ORDER BY minion COLLATE \"C\", warmup DESC, idx, attempt", ReadRepetition, cancellationToken, ("id", id));
            var results = await connection.QueryAsync("SELECT run, minion, metric, unit, higher_is_better, n, mean, stddev, min, max, p50, p95, rsd FROM bench_results WHERE run = @id ORDER BY minion COLLATE \"C\", metric COLLATE \"C\"", ReadResult, cancellationToken, ("id", id));
            return (BenchmarkRunDetail?)new BenchmarkRunDetail(run, hosts, repetitions, results);
        }, cancellationToken);

    public long MeasuredVersion => _measured.Version;

    public async Task<IReadOnlyList<MeasuredValues>> ListMeasuredAsync(string? suite, CancellationToken cancellationToken)
    {
        var measured = await _measured.GetOrLoadAsync(() => LoadMeasuredAsync(cancellationToken));
        return suite is null ? measured : [.. measured.Where(m => m.Suite == suite)];
    }

    public async Task<IReadOnlyList<HostSpread>> ListHostSpreadAsync(string? suite, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT r.id, r.suite, b.minion, r.policy, MAX(b.rsd), r.started_at, r.ended_at
            FROM bench_results b JOIN bench_runs r ON r.id = b.run
            WHERE (@suite::text IS NULL OR r.suite = @suite)
            GROUP BY r.id, b.minion
            ORDER BY r.created_at, r.id COLLATE "C", b.minion COLLATE "C"
            """;
        return await database.QueryAsync(sql, reader => new HostSpread(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            JsonSerializer.Deserialize<RunPolicy>(reader.GetString(3), JsonSerializerOptions.Web)!.RsdThreshold,
            reader.GetDouble(4),
            reader.IsDBNull(5) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
            reader.IsDBNull(6) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6))), cancellationToken, ("suite", suite));
    }

    private async Task<IReadOnlyList<MeasuredValues>> LoadMeasuredAsync(CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT r.id, r.suite, h.minion, h.grains, p.metric_values
            FROM bench_repetitions p
            JOIN bench_hosts h ON h.run = p.run AND h.minion = p.minion
            JOIN bench_runs r ON r.id = p.run
            WHERE p.status = 'ok' AND NOT p.warmup AND h.status = 'done'
            ORDER BY r.created_at, r.id COLLATE "C", h.minion COLLATE "C", p.idx
            """;
        var grains = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        return await database.QueryAsync(sql, reader => new MeasuredValues(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            reader.IsDBNull(3) ? null : Parsed(grains, reader.GetString(3)),
            Values(reader, 4)), cancellationToken);
    }

    private async Task InvalidatingMeasuredAsync(Task write)
    {
        try
        {
            await write;
        }
        finally
        {
            _measured.Invalidate();
        }
    }

    private static JsonElement Parsed(Dictionary<string, JsonElement> parsed, string text)
    {
        if (!parsed.TryGetValue(text, out var element))
        {
            parsed[text] = element = JsonDocument.Parse(text).RootElement.Clone();
        }

        return element;
    }

    private static BenchmarkRun ReadRun(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        WireNames.Parse<BenchmarkStatus>(reader.GetString(2)),
        reader.IsDBNull(3) ? null : reader.GetString(3),
        reader.GetString(4),
        reader.GetString(5),
        JsonSerializer.Deserialize<List<string>>(reader.GetString(6)) ?? [],
        JsonSerializer.Deserialize<RunPolicy>(reader.GetString(7), JsonSerializerOptions.Web)!,
        reader.GetString(8),
        reader.IsDBNull(9) ? null : reader.GetString(9),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(10)),
        reader.IsDBNull(11) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(11)),
        reader.IsDBNull(12) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(12)));

    private static BenchmarkHost ReadHost(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        WireNames.Parse<BenchmarkStatus>(reader.GetString(2)),
        reader.IsDBNull(3) ? null : reader.GetString(3),
        new GrainsSnapshot(
            reader.IsDBNull(4) ? null : reader.GetString(4),
            JsonSerializer.Deserialize<List<string>>(reader.GetString(5)) ?? [],
            reader.IsDBNull(6) ? null : reader.GetString(6),
            reader.IsDBNull(7) ? null : JsonDocument.Parse(reader.GetString(7)).RootElement.Clone()));

    private static BenchmarkRepetition ReadRepetition(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetBoolean(2),
        reader.GetInt32(3),
        reader.GetInt32(4),
        reader.IsDBNull(5) ? null : reader.GetString(5),
        reader.IsDBNull(6) ? null : reader.GetString(6),
        WireNames.Parse<BenchmarkStatus>(reader.GetString(7)),
        reader.IsDBNull(8) ? null : reader.GetString(8),
        reader.IsDBNull(9) ? null : reader.GetInt32(9),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(10)),
        reader.IsDBNull(11) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(11)),
        Values(reader, 12));

    private static HostMetricResult ReadResult(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetBoolean(4),
        new MetricStatistics(reader.GetInt32(5), reader.GetDouble(6), reader.GetDouble(7), reader.GetDouble(8), reader.GetDouble(9), reader.GetDouble(10), reader.GetDouble(11), reader.GetDouble(12)));

    private static List<MetricValue> Values(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? [] : JsonSerializer.Deserialize<List<MetricValue>>(reader.GetString(ordinal), JsonSerializerOptions.Web) ?? [];
}
