using System.Globalization;
using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Contracts.Jobs;
using EventReactor.Reactor.Processing;
using EventReactor.Reactor.State;
using Microsoft.Data.Sqlite;

namespace EventReactor.Reactor.Jobs;

/// <summary>Jobs and their returns in the reactor's SQLite file; returns arrive as <c>job/&lt;jid&gt;/ret/&lt;minion&gt;</c> events.</summary>
internal sealed class JobStore(ReactorDatabase database) : IEventObserver
{
    private static int _sequence;

    /// <summary>A Salt-style job id: the time to the microsecond, made unique within the process.</summary>
    public static string NewJid(DateTimeOffset now) =>
        now.UtcDateTime.ToString("yyyyMMddHHmmssffffff", CultureInfo.InvariantCulture)
        + (Interlocked.Increment(ref _sequence) % 1000).ToString("D3", CultureInfo.InvariantCulture);

    public Task CreateAsync(JobRecord job, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO jobs (jid, fun, arguments, target, target_type, minions, caused_by, created_at)
                VALUES ($jid, $fun, $arguments, $target, $type, $minions, $causedBy, $at)
                """;
            command.Parameters.AddWithValue("$jid", job.Jid);
            command.Parameters.AddWithValue("$fun", job.Function);
            command.Parameters.AddWithValue("$arguments", job.Arguments.GetRawText());
            command.Parameters.AddWithValue("$target", job.Target);
            command.Parameters.AddWithValue("$type", job.TargetType);
            command.Parameters.AddWithValue("$minions", JsonSerializer.Serialize(job.Minions));
            command.Parameters.AddWithValue("$causedBy", (object?)job.CausedBy ?? DBNull.Value);
            command.Parameters.AddWithValue("$at", job.CreatedAt.ToUnixTimeMilliseconds());
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public async Task ObserveAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        if (!JobTags.TryParseReturn(envelope.Tag, out var jid, out var minion))
        {
            return;
        }

        var data = envelope.DataAs<JobReturned>();
        await database.WriteAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT OR REPLACE INTO job_returns (jid, minion, success, retcode, return_data, error, duration_ms, at)
                VALUES ($jid, $minion, $success, $retcode, $return, $error, $duration, $at)
                """;
            command.Parameters.AddWithValue("$jid", jid);
            command.Parameters.AddWithValue("$minion", minion);
            command.Parameters.AddWithValue("$success", data?.Success == true ? 1 : 0);
            command.Parameters.AddWithValue("$retcode", data?.RetCode ?? -1);
            command.Parameters.AddWithValue("$return", data?.Return is { ValueKind: not JsonValueKind.Null } value ? value.GetRawText() : DBNull.Value);
            command.Parameters.AddWithValue("$error", (object?)data?.Error ?? DBNull.Value);
            command.Parameters.AddWithValue("$duration", data?.DurationMs ?? 0);
            command.Parameters.AddWithValue("$at", envelope.Time.ToUnixTimeMilliseconds());
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Jobs that some targeted minion has not answered yet.</summary>
    public async Task<int> CountOutstandingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM jobs j WHERE (SELECT COUNT(*) FROM job_returns r WHERE r.jid = j.jid) < json_array_length(j.minions)";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>Whether the minion was sent a job after the given time; pools use it to find idle members.</summary>
    public async Task<bool> HasJobSinceAsync(string minion, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();

        // Only recent jobs are scanned (index on created_at). minions is a JSON array of ids; ids hold no quotes, so the quoted id finds exactly that element.
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM jobs WHERE created_at > $since AND instr(minions, $quoted) > 0)";
        command.Parameters.AddWithValue("$since", since.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$quoted", JsonSerializer.Serialize(minion));
        return await command.ExecuteScalarAsync(cancellationToken) is long found && found == 1;
    }

    public async Task<IReadOnlyList<JobRecord>> ListAsync(int limit, CancellationToken cancellationToken) =>
        await QueryAsync("SELECT jid, fun, arguments, target, target_type, minions, caused_by, created_at FROM jobs ORDER BY created_at DESC, jid DESC LIMIT $limit", ("$limit", limit), cancellationToken);

    public async Task<JobRecord?> FindAsync(string jid, CancellationToken cancellationToken) =>
        (await QueryAsync("SELECT jid, fun, arguments, target, target_type, minions, caused_by, created_at FROM jobs WHERE jid = $jid", ("$jid", jid), cancellationToken)).FirstOrDefault();

    private async Task<IReadOnlyList<JobRecord>> QueryAsync(string sql, (string Name, object Value) parameter, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var jobs = new List<JobRecord>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = sql;
            command.Parameters.AddWithValue(parameter.Name, parameter.Value);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                jobs.Add(new JobRecord(
                    reader.GetString(0),
                    reader.GetString(1),
                    JsonDocument.Parse(reader.GetString(2)).RootElement.Clone(),
                    reader.GetString(3),
                    reader.GetString(4),
                    JsonSerializer.Deserialize<List<string>>(reader.GetString(5)) ?? [],
                    reader.IsDBNull(6) ? null : reader.GetString(6),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
                    []));
            }
        }

        for (var i = 0; i < jobs.Count; i++)
        {
            jobs[i] = jobs[i] with { Returns = await ReturnsAsync(connection, jobs[i].Jid, cancellationToken) };
        }

        return jobs;
    }

    private static async Task<IReadOnlyList<JobReturn>> ReturnsAsync(SqliteConnection connection, string jid, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT minion, success, retcode, return_data, error, duration_ms, at FROM job_returns WHERE jid = $jid ORDER BY minion";
        command.Parameters.AddWithValue("$jid", jid);
        var returns = new List<JobReturn>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            returns.Add(new JobReturn(
                reader.GetString(0),
                reader.GetInt64(1) == 1,
                reader.GetInt32(2),
                reader.IsDBNull(3) ? null : JsonDocument.Parse(reader.GetString(3)).RootElement.Clone(),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetDouble(5),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6))));
        }

        return returns;
    }
}
