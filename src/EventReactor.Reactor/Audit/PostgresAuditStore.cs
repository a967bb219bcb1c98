using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Contracts.Api;
using EventReactor.Reactor.Journal;
using EventReactor.Reactor.State;
using Npgsql;

namespace EventReactor.Reactor.Audit;

/// <summary>Audit records in PostgreSQL (migrations 1 and 30); a batch is one multi-row insert (with the journal's, <see cref="PostgresJournalRows"/>), its order kept by the identity column.</summary>
internal sealed class PostgresAuditStore(ReactorPostgresDatabase database) : IAuditStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string InsertRecords = """
        INSERT INTO audit (event_id, event_tag, rule, location, outcome, detail, actions, at, duration_us, actions_run, actions_failed)
        SELECT e, t, r, l, o, d, a, at, du, ru, fa
        FROM unnest(@event, @tag, @rule, @location, @outcome, @detail, @actions, @at, @duration, @run, @failed) WITH ORDINALITY AS x(e, t, r, l, o, d, a, at, du, ru, fa, n)
        ORDER BY n
        """;

    public Task AppendAsync(IReadOnlyList<EventEnvelope> journaled, IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken) =>
        (journaled.Count, records.Count) switch
        {
            (0, 0) => Task.CompletedTask,
            (_, 0) => database.ExecuteAsync(PostgresJournalRows.Insert, cancellationToken, PostgresJournalRows.Parameters(journaled)),
            (0, _) => database.ExecuteAsync(InsertRecords, cancellationToken, RecordParameters(records)),

            // One statement: the journal's insert runs as a data-modifying WITH in front of the audit's.
            _ => database.ExecuteAsync(
                $"WITH journaled AS ({PostgresJournalRows.Insert})\n{InsertRecords}",
                cancellationToken,
                [.. PostgresJournalRows.Parameters(journaled), .. RecordParameters(records)]),
        };

    public async Task<IReadOnlyList<AuditRecord>> ForEventAsync(string eventId, CancellationToken cancellationToken) =>
        await QueryAsync("WHERE event_id = @p ORDER BY id", eventId, cancellationToken);

    public async Task<IReadOnlyList<AuditRecord>> RecentProblemsAsync(int limit, CancellationToken cancellationToken) =>
        await QueryAsync($"WHERE outcome IN ('{RuleOutcome.Failed.ToWire()}', '{RuleOutcome.ConditionError.ToWire()}') ORDER BY id DESC LIMIT @p", limit, cancellationToken);

    public async Task<AuditTally> TallyAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var from = ("since", (object?)since.ToUnixTimeMilliseconds());
        var rules = await database.QueryAsync(AuditTallySql.PerRule, RuleAuditTally.Read, cancellationToken, from);

        // Only failed evaluations are opened (audit_by_outcome_time), to say which of a rule's actions failed.
        var failures = await database.QueryAsync(
            $"""
            SELECT audit.rule, (action.n - 1)::int, count(*)
            FROM audit, jsonb_array_elements(audit.actions::jsonb) WITH ORDINALITY AS action(value, n)
            WHERE audit.outcome = '{RuleOutcome.Failed.ToWire()}' AND audit.at >= @since AND action.value ->> 'status' = '{ActionStatus.Failed.ToWire()}'
            GROUP BY audit.rule, action.n
            """,
            reader => new ActionFailureTally(reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2)),
            cancellationToken,
            from);
        return new AuditTally(rules, failures);
    }

    private Task<List<AuditRecord>> QueryAsync(string where, object parameter, CancellationToken cancellationToken) =>
        database.QueryAsync($"SELECT event_id, event_tag, rule, location, outcome, detail, actions, at, duration_us FROM audit {where}", ReadRecord, cancellationToken, ("p", parameter));

    private static AuditRecord ReadRecord(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        WireNames.Parse<RuleOutcome>(reader.GetString(4)),
        reader.IsDBNull(5) ? null : reader.GetString(5),
        JsonSerializer.Deserialize<List<ActionAudit>>(reader.GetString(6), Json) ?? [],
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
        reader.GetInt64(8) / 1000.0);

    private static (string Name, object? Value)[] RecordParameters(IReadOnlyList<AuditRecord> records) =>
    [
        ("event", records.Select(r => r.EventId).ToArray()),
        ("tag", records.Select(r => r.EventTag).ToArray()),
        ("rule", records.Select(r => r.Rule).ToArray()),
        ("location", records.Select(r => r.Location).ToArray()),
        ("outcome", records.Select(r => r.Outcome.ToWire()).ToArray()),
        ("detail", records.Select(r => r.Detail).ToArray()),
        ("actions", records.Select(r => JsonSerializer.Serialize(r.Actions, Json)).ToArray()),
        ("at", records.Select(r => r.At.ToUnixTimeMilliseconds()).ToArray()),
        ("duration", records.Select(r => (long)(r.DurationMs * 1000)).ToArray()),
        ("run", records.Select(AuditActionCounts.Run).ToArray()),
        ("failed", records.Select(AuditActionCounts.Failed).ToArray()),
    ];
}
