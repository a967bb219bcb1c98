using System.Text.Json;
using EventReactor.Reactor.State;
using EventReactor.Storage.Postgres;
using Npgsql;

namespace EventReactor.Reactor.Jobs;

/// <summary>Jobs and their returns in PostgreSQL (migration 2).</summary>
internal sealed class PostgresJobStore(ReactorPostgresDatabase database) : IJobStore
{
    private const string JobColumns = "jid, fun, arguments, target, target_type, minions, caused_by, created_at";

    public Task CreateAsync(JobRecord job, CancellationToken cancellationToken) =>
        database.ExecuteAsync(
            $"INSERT INTO jobs ({JobColumns}) VALUES (@jid, @fun, @arguments, @target, @type, @minions, @causedBy, @at)",
            cancellationToken,
            ("jid", job.Jid),
            ("fun", job.Function),
            ("arguments", job.Arguments.GetRawText()),
            ("target", job.Target),
            ("type", job.TargetType),
            ("minions", JsonSerializer.Serialize(job.Minions)),
            ("causedBy", job.CausedBy),
            ("at", job.CreatedAt.ToUnixTimeMilliseconds()));

    public Task SaveReturnAsync(string jid, JobReturn jobReturn, CancellationToken cancellationToken) =>
        database.ExecuteAsync(
            """
            INSERT INTO job_returns (jid, minion, success, retcode, return_data, error, duration_ms, at)
            VALUES (@jid, @minion, @success, @retcode, @return, @error, @duration, @at)
            ON CONFLICT (jid, minion) DO UPDATE SET success = excluded.success, retcode = excluded.retcode, return_data = excluded.return_data,
                error = excluded.error, duration_ms = excluded.duration_ms, at = excluded.at
            """,
            cancellationToken,
            ("jid", jid),
            ("minion", jobReturn.Minion),
            ("success", jobReturn.Success),
            ("retcode", jobReturn.RetCode),
            ("return", jobReturn.Return?.GetRawText()),
            ("error", jobReturn.Error),
            ("duration", jobReturn.DurationMs),
            ("at", jobReturn.At.ToUnixTimeMilliseconds()));

    public async Task<int> CountOutstandingAsync(CancellationToken cancellationToken) =>
        (int)(long)(await database.ScalarAsync(
            "SELECT COUNT(*) FROM jobs j WHERE (SELECT COUNT(*) FROM job_returns r WHERE r.jid = j.jid) < json_array_length(j.minions::json)",
            cancellationToken))!;

    // Only recent jobs are scanned (index on created_at). minions is a JSON array of ids; ids hold no quotes, so the quoted id finds exactly that element.
    public async Task<bool> HasJobSinceAsync(string minion, DateTimeOffset since, CancellationToken cancellationToken) =>
        (bool)(await database.ScalarAsync(
            "SELECT EXISTS (SELECT 1 FROM jobs WHERE created_at > @since AND strpos(minions, @quoted) > 0)",
            cancellationToken,
            ("since", since.ToUnixTimeMilliseconds()),
            ("quoted", JsonSerializer.Serialize(minion))))!;

    public async Task<IReadOnlyList<JobRecord>> ListAsync(int limit, CancellationToken cancellationToken) =>
        await QueryAsync($"SELECT {JobColumns} FROM jobs ORDER BY created_at DESC, jid COLLATE \"C\" DESC LIMIT @p", limit, cancellationToken);

    public async Task<JobRecord?> FindAsync(string jid, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {JobColumns} FROM jobs WHERE jid = @p", jid, cancellationToken)).FirstOrDefault();

    private Task<List<JobRecord>> QueryAsync(string sql, object parameter, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async connection =>
            {
                var jobs = await connection.QueryAsync(sql, ReadJob, cancellationToken, ("p", parameter));
                for (var i = 0; i < jobs.Count; i++)
                {
                    var returns = await connection.QueryAsync(
                        "SELECT minion, success, retcode, return_data, error, duration_ms, at FROM job_returns WHERE jid = @jid ORDER BY minion COLLATE \"C\"",
                        ReadReturn,
                        cancellationToken,
                        ("jid", jobs[i].Jid));
                    jobs[i] = jobs[i] with { Returns = returns };
                }

                return jobs;
            },
            cancellationToken);

    private static JobRecord ReadJob(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        JsonDocument.Parse(reader.GetString(2)).RootElement.Clone(),
        reader.GetString(3),
        reader.GetString(4),
        JsonSerializer.Deserialize<List<string>>(reader.GetString(5)) ?? [],
        reader.IsDBNull(6) ? null : reader.GetString(6),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
        []);

    private static JobReturn ReadReturn(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetBoolean(1),
        reader.GetInt32(2),
        reader.IsDBNull(3) ? null : JsonDocument.Parse(reader.GetString(3)).RootElement.Clone(),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        reader.GetDouble(5),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)));
}
