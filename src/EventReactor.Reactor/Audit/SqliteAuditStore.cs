using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Contracts.Api;
using EventReactor.Reactor.Journal;
using EventReactor.Reactor.State;
using Microsoft.Data.Sqlite;

namespace EventReactor.Reactor.Audit;

/// <summary>Audit records in the reactor's SQLite file (migrations 1 and 30).</summary>
internal sealed class SqliteAuditStore(ReactorDatabase database) : IAuditStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task AppendAsync(IReadOnlyList<EventEnvelope> journaled, IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            if (journaled.Count > 0)
            {
                await SqliteJournalRows.InsertAsync(connection, transaction, journaled, cancellationToken);
            }

            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO audit (event_id, event_tag, rule, location, outcome, detail, actions, at, duration_us, actions_run, actions_failed)
                VALUES ($event, $tag, $rule, $location, $outcome, $detail, $actions, $at, $duration, $run, $failed)
                """;
            var parameters = new[] { "$event", "$tag", "$rule", "$location", "$outcome", "$detail", "$actions", "$at", "$duration", "$run", "$failed" }
                .Select(name => command.Parameters.Add(name, SqliteType.Text))
                .ToArray();
            foreach (var record in records)
            {
                parameters[0].Value = record.EventId;
                parameters[1].Value = record.EventTag;
                parameters[2].Value = record.Rule;
                parameters[3].Value = record.Location;
                parameters[4].Value = record.Outcome.ToWire();
                parameters[5].Value = (object?)record.Detail ?? DBNull.Value;
                parameters[6].Value = JsonSerializer.Serialize(record.Actions, Json);
                parameters[7].Value = record.At.ToUnixTimeMilliseconds();
                parameters[8].Value = (long)(record.DurationMs * 1000);
                parameters[9].Value = AuditActionCounts.Run(record);
                parameters[10].Value = AuditActionCounts.Failed(record);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return true;
        }, cancellationToken);

    public async Task<IReadOnlyList<AuditRecord>> ForEventAsync(string eventId, CancellationToken cancellationToken) =>
        await QueryAsync("WHERE event_id = $event ORDER BY id", ("$event", eventId), cancellationToken);

    public async Task<IReadOnlyList<AuditRecord>> RecentProblemsAsync(int limit, CancellationToken cancellationToken) =>
        await QueryAsync($"WHERE outcome IN ('{RuleOutcome.Failed.ToWire()}', '{RuleOutcome.ConditionError.ToWire()}') ORDER BY id DESC LIMIT $limit", ("$limit", limit), cancellationToken);

    public async Task<AuditTally> TallyAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var from = ("@since", (object?)since.ToUnixTimeMilliseconds());
        var rules = await database.QueryAsync(AuditTallySql.PerRule, RuleAuditTally.Read, cancellationToken, from);

        // Only failed evaluations are opened (audit_by_outcome_time), to say which of a rule's actions failed.
        var failures = await database.QueryAsync(
            $"""
            SELECT audit.rule, CAST(action.key AS INTEGER), count(*)
            FROM audit, json_each(audit.actions) AS action
            WHERE audit.outcome = '{RuleOutcome.Failed.ToWire()}' AND audit.at >= @since AND json_extract(action.value, '$.status') = '{ActionStatus.Failed.ToWire()}'
            GROUP BY audit.rule, action.key
            """,
            reader => new ActionFailureTally(reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2)),
            cancellationToken,
            from);
        return new AuditTally(rules, failures);
    }

    private Task<List<AuditRecord>> QueryAsync(string where, (string Name, object? Value) parameter, CancellationToken cancellationToken) =>
        database.QueryAsync($"SELECT event_id, event_tag, rule, location, outcome, detail, actions, at, duration_us FROM audit {where}", ReadRecord, cancellationToken, parameter);

    private static AuditRecord ReadRecord(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        WireNames.Parse<RuleOutcome>(reader.GetString(4)),
        reader.IsDBNull(5) ? null : reader.GetString(5),
        JsonSerializer.Deserialize<List<ActionAudit>>(reader.GetString(6), Json) ?? [],
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
        reader.GetInt64(8) / 1000.0);
}
