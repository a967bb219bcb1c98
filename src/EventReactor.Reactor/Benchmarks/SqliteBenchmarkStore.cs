using System.Text.Json;
using EventReactor.Contracts.Api;
using EventReactor.Core.Benchmarks;
using EventReactor.Reactor.State;
using EventReactor.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace EventReactor.Reactor.Benchmarks;

/// <summary>Benchmark runs, their hosts, repetitions and results in the reactor's SQLite file (migration 5).</summary>
internal sealed class SqliteBenchmarkStore(ReactorDatabase database) : IBenchmarkStore
{
    private const string RunColumns = "id, suite, status, reason, target, target_type, minions, policy, definition, caused_by, created_at, started_at, ended_at";
    private const string RepetitionColumns = "run, minion, warmup, idx, attempt, jid, container_id, status, reason, exit_code, started_at, ended_at, metric_values";

    private readonly MeasuredValuesCache _measured = new();

    public Task CreateRunAsync(BenchmarkRun run, IReadOnlyList<BenchmarkHost> hosts, CancellationToken cancellationToken) =>
        InvalidatingMeasuredAsync(database.WriteAsync(async connection =>
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync($"INSERT INTO bench_runs ({RunColumns}) VALUES ($id, $suite, $status, $reason, $target, $type, $minions, $policy, $definition, $causedBy, $created, NULL, NULL)", cancellationToken,
                ("$id", run.Id), ("$suite", run.Suite), ("$status", run.Status.ToWire()), ("$reason", run.Reason), ("$target", run.Target), ("$type", run.TargetType),
                ("$minions", JsonSerializer.Serialize(run.Minions)), ("$policy", JsonSerializer.Serialize(run.Policy, JsonSerializerOptions.Web)),
                ("$definition", run.Definition), ("$causedBy", run.CausedBy), ("$created", run.CreatedAt.ToUnixTimeMilliseconds()));
            foreach (var host in hosts)
            {
                await connection.ExecuteAsync("INSERT INTO bench_hosts (run, minion, status, reason, cpu_model, gpu_models, instance_type, grains) VALUES ($run, $minion, $status, $reason, $cpu, $gpus, $instance, $grains)", cancellationToken,
                    ("$run", host.Run), ("$minion", host.Minion), ("$status", host.Status.ToWire()), ("$reason", host.Reason), ("$cpu", host.Grains.CpuModel),
                    ("$gpus", JsonSerializer.Serialize(host.Grains.GpuModels)), ("$instance", host.Grains.InstanceType), ("$grains", host.Grains.All?.GetRawText()));
            }

            await transaction.CommitAsync(cancellationToken);
            return true;
        }, cancellationToken));

    public Task SetRunStatusAsync(string run, BenchmarkStatus status, string? reason, DateTimeOffset? startedAt, DateTimeOffset? endedAt, CancellationToken cancellationToken) =>
        database.ExecuteAsync("UPDATE bench_runs SET status = $status, reason = $reason, started_at = COALESCE($started, started_at), ended_at = COALESCE($ended, ended_at) WHERE id = $id", cancellationToken,
            ("$id", run), ("$status", status.ToWire()), ("$reason", reason), ("$started", startedAt?.ToUnixTimeMilliseconds()), ("$ended", endedAt?.ToUnixTimeMilliseconds()));

    public Task SetHostStatusAsync(string run, string minion, BenchmarkStatus status, string? reason, CancellationToken cancellationToken, bool onlyUnfinished = false) =>
        InvalidatingMeasuredAsync(database.ExecuteAsync($"UPDATE bench_hosts SET status = $status, reason = $reason WHERE run = $run AND minion = $minion{(onlyUnfinished ? $" AND status IN ('{BenchmarkStatus.Pending.ToWire()}', '{BenchmarkStatus.Running.ToWire()}')" : string.Empty)}", cancellationToken,
            ("$run", run), ("$minion", minion), ("$status", status.ToWire()), ("$reason", reason)));

    /// <summary>Inserts or replaces the attempt's row: it is written when the attempt starts and again when it ends.</summary>
    public Task SaveRepetitionAsync(BenchmarkRepetition repetition, CancellationToken cancellationToken) =>
        InvalidatingMeasuredAsync(database.ExecuteAsync($"INSERT OR REPLACE INTO bench_repetitions ({RepetitionColumns}) VALUES ($run, $minion, $warmup, $idx, $attempt, $jid, $container, $status, $reason, $exit, $started, $ended, $values)", cancellationToken,
            ("$run", repetition.Run), ("$minion", repetition.Minion), ("$warmup", repetition.Warmup ? 1 : 0), ("$idx", repetition.Index), ("$attempt", repetition.Attempt),
            ("$jid", repetition.Jid), ("$container", repetition.ContainerId), ("$status", repetition.Status.ToWire()), ("$reason", repetition.Reason), ("$exit", repetition.ExitCode),
            ("$started", repetition.StartedAt.ToUnixTimeMilliseconds()), ("$ended", repetition.EndedAt?.ToUnixTimeMilliseconds()),
            ("$values", JsonSerializer.Serialize(repetition.Values, JsonSerializerOptions.Web))));

    /// <summary>Attempts still marked running when their run ended (a stop, a crash) end with the run's reason.</summary>
    public Task FailRunningRepetitionsAsync(string run, string reason, DateTimeOffset endedAt, CancellationToken cancellationToken) =>
        InvalidatingMeasuredAsync(database.ExecuteAsync($"UPDATE bench_repetitions SET status = '{BenchmarkStatus.Failed.ToWire()}', reason = $reason, ended_at = $ended WHERE run = $run AND status = '{BenchmarkStatus.Running.ToWire()}'", cancellationToken,
            ("$run", run), ("$reason", reason), ("$ended", endedAt.ToUnixTimeMilliseconds())));

    /// <summary>Records the container of a job as soon as the engine reports it started, before the job returns.</summary>
    public Task SetContainerAsync(string jid, string containerId, CancellationToken cancellationToken) =>
        database.ExecuteAsync("UPDATE bench_repetitions SET container_id = $container WHERE jid = $jid AND container_id IS NULL", cancellationToken, ("$jid", jid), ("$container", containerId));

    public Task SaveResultsAsync(IReadOnlyList<HostMetricResult> results, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            foreach (var result in results)
            {
                var s = result.Stats;
                await connection.ExecuteAsync("INSERT OR REPLACE INTO bench_results (run, minion, metric, unit, higher_is_better, n, mean, stddev, min, max, p50, p95, rsd) VALUES ($run, $minion, $metric, $unit, $higher, $n, $mean, $stddev, $min, $max, $p50, $p95, $rsd)", cancellationToken,
                    ("$run", result.Run), ("$minion", result.Minion), ("$metric", result.Metric), ("$unit", result.Unit), ("$higher", result.HigherIsBetter ? 1 : 0),
                    ("$n", s.N), ("$mean", s.Mean), ("$stddev", s.StdDev), ("$min", s.Min), ("$max", s.Max), ("$p50", s.P50), ("$p95", s.P95), ("$rsd", s.Rsd));
            }

            await transaction.CommitAsync(cancellationToken);
            return true;
        }, cancellationToken);

    public async Task<IReadOnlyList<BenchmarkRun>> ListRunsAsync(string? suite, int limit, CancellationToken cancellationToken) =>
        await database.QueryAsync($"SELECT {RunColumns} FROM bench_runs WHERE ($suite IS NULL OR suite = $suite) ORDER BY created_at DESC, id DESC LIMIT $limit", ReadRun, cancellationToken, ("$suite", suite), ("$limit", limit));

    /// <summary>Runs that were pending or running; after a restart nothing drives them any more.</summary>
    public async Task<IReadOnlyList<BenchmarkRun>> ListUnfinishedAsync(CancellationToken cancellationToken) =>
        await database.QueryAsync($"SELECT {RunColumns} FROM bench_runs WHERE status IN ('{BenchmarkStatus.Pending.ToWire()}', '{BenchmarkStatus.Running.ToWire()}')", ReadRun, cancellationToken);

    public async Task<BenchmarkRunDetail?> FindAsync(string id, CancellationToken cancellationToken)
    {
        return await database.ReadAsync(async connection =>
        {
            var run = (await connection.QueryAsync($"SELECT {RunColumns} FROM bench_runs WHERE id = $id", ReadRun, cancellationToken, ("$id", id))).FirstOrDefault();
            if (run is null)
            {
                return null;
            }

            var hosts = await connection.QueryAsync("SELECT run, minion, status, reason, cpu_model, gpu_models, instance_type, grains FROM bench_hosts WHERE run = $id ORDER BY minion", ReadHost, cancellationToken, ("$id", id));
            var repetitions = await connection.QueryAsync($"SELECT {RepetitionColumns} FROM bench_repetitions WHERE run = $id ORDER BY minion, warmup DESC, idx, attempt", ReadRepetition, cancellationToken, ("$id", id));
            var results = await connection.QueryAsync("SELECT run, minion, metric, unit, higher_is_better, n, mean, stddev, min, max, p50, p95, rsd FROM bench_results WHERE run = $id ORDER BY minion, metric", ReadResult, cancellationToken, ("$id", id));
            return new BenchmarkRunDetail(run, hosts, repetitions, results);
        }, cancellationToken);
    }

    public long MeasuredVersion => _measured.Version;

    /// <summary>Values of every measured repetition of hosts that finished, optionally of one suite, oldest run first.</summary>
    public async Task<IReadOnlyList<MeasuredValues>> ListMeasuredAsync(string? suite, CancellationToken cancellationToken)
    {
        // All suites are cached together: filtering 10,000 kept rows costs far less than reading one suite's again.
        var measured = await _measured.GetOrLoadAsync(() => LoadMeasuredAsync(cancellationToken));
        return suite is null ? measured : [.. measured.Where(m => m.Suite == suite)];
    }

    private async Task<IReadOnlyList<MeasuredValues>> LoadMeasuredAsync(CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT r.id, r.suite, h.minion, h.grains, p.metric_values
            FROM bench_repetitions p
            JOIN bench_hosts h ON h.run = p.run AND h.minion = p.minion
            JOIN bench_runs r ON r.id = p.run
            WHERE p.status = 'ok' AND p.warmup = 0 AND h.status = 'done'
            ORDER BY r.created_at, r.id, h.minion, p.idx
            """;
        // A host's grains repeat on every one of its repetitions: each distinct text is parsed once.
        var grains = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        return await database.QueryAsync(sql, reader => new MeasuredValues(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            reader.IsDBNull(3) ? null : Parsed(grains, reader.GetString(3)),
            Values(reader, 4)), cancellationToken);
    }

    /// <summary>Every write to what <see cref="ListMeasuredAsync"/> reads (runs, hosts, repetitions) drops its cached values once done.</summary>
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

    /// <summary>Per finished run and host, the largest RSD over its metrics and the run's threshold, oldest run first.</summary>
    public async Task<IReadOnlyList<HostSpread>> ListHostSpreadAsync(string? suite, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT r.id, r.suite, b.minion, r.policy, MAX(b.rsd), r.started_at, r.ended_at
            FROM bench_results b JOIN bench_runs r ON r.id = b.run
            WHERE ($suite IS NULL OR r.suite = $suite)
            GROUP BY r.id, b.minion
            ORDER BY r.created_at, r.id
            """;
        return await database.QueryAsync(sql, reader => new HostSpread(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            JsonSerializer.Deserialize<RunPolicy>(reader.GetString(3), JsonSerializerOptions.Web)!.RsdThreshold,
            reader.GetDouble(4),
            reader.IsDBNull(5) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
            reader.IsDBNull(6) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6))), cancellationToken, ("$suite", suite));
    }

    private static BenchmarkRun ReadRun(SqliteDataReader reader) => new(
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

    private static BenchmarkHost ReadHost(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        WireNames.Parse<BenchmarkStatus>(reader.GetString(2)),
        reader.IsDBNull(3) ? null : reader.GetString(3),
        new GrainsSnapshot(
            reader.IsDBNull(4) ? null : reader.GetString(4),
            JsonSerializer.Deserialize<List<string>>(reader.GetString(5)) ?? [],
            reader.IsDBNull(6) ? null : reader.GetString(6),
            reader.IsDBNull(7) ? null : JsonDocument.Parse(reader.GetString(7)).RootElement.Clone()));

    private static BenchmarkRepetition ReadRepetition(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetInt64(2) == 1,
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

    private static HostMetricResult ReadResult(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetInt64(4) == 1,
        new MetricStatistics(reader.GetInt32(5), reader.GetDouble(6), reader.GetDouble(7), reader.GetDouble(8), reader.GetDouble(9), reader.GetDouble(10), reader.GetDouble(11), reader.GetDouble(12)));

    private static List<MetricValue> Values(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? [] : JsonSerializer.Deserialize<List<MetricValue>>(reader.GetString(ordinal), JsonSerializerOptions.Web) ?? [];
}
