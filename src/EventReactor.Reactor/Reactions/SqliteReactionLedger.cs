using EventReactor.Contracts;
using EventReactor.Contracts.Api;
using EventReactor.Reactor.Outbox;
using EventReactor.Reactor.State;

namespace EventReactor.Reactor.Reactions;

/// <summary>
/// The ledger in the reactor's SQLite file; it survives restarts. Claims and completions of events handled at the
/// same time are committed together (<see cref="GroupCommit"/>), each still committed before its call returns.
/// </summary>
internal sealed class SqliteReactionLedger(ReactorDatabase database, TimeProvider time) : IReactionLedger
{
    private const string ClaimSql = """
        INSERT INTO reactions (event_id, rule, action_index, status, updated_at) VALUES ($event, $rule, $index, 'running', $now)
        ON CONFLICT (event_id, rule, action_index) DO UPDATE SET updated_at = $now
        WHERE reactions.status = 'running' AND reactions.updated_at < $abandoned
        """;

    private const string CompleteSql = "UPDATE reactions SET status = $status, updated_at = $now WHERE event_id = $event AND rule = $rule AND action_index = $index";

    private const string CompleteAndEmitSql = CompleteSql + ";\n" + OutboxRows.InsertSql;

    private const string ReleaseSql = "DELETE FROM reactions WHERE event_id = $event AND rule = $rule AND action_index = $index AND status = 'running'";

    // A claim still 'running' this long after it was made belongs to a reactor that died mid-action: take it over.
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(10);

    private readonly GroupCommit _writes = new(database);

    public async Task<bool> TryClaimAsync(string eventId, string rule, int actionIndex, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await _writes.ExecuteAsync(ClaimSql, [
            new("$event", eventId),
            new("$rule", rule),
            new("$index", actionIndex),
            new("$now", now.ToUnixTimeMilliseconds()),
            new("$abandoned", (now - AbandonedAfter).ToUnixTimeMilliseconds()),
        ], cancellationToken) == 1;
    }

    public Task CompleteAsync(string eventId, string rule, int actionIndex, bool succeeded, EventEnvelope? emitted, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        KeyValuePair<string, object>[] completion =
        [
            new("$status", (succeeded ? ActionStatus.Done : ActionStatus.Failed).ToWire()),
            new("$now", now.ToUnixTimeMilliseconds()),
            new("$event", eventId),
            new("$rule", rule),
            new("$index", actionIndex),
        ];

        // One command of two statements: GroupCommit runs each command inside a transaction, so both or neither.
        return emitted is null
            ? _writes.ExecuteAsync(CompleteSql, completion, cancellationToken)
            : _writes.ExecuteAsync(CompleteAndEmitSql, [.. completion, .. OutboxRows.InsertParameters(emitted, now)], cancellationToken);
    }

    public Task ReleaseAsync(string eventId, string rule, int actionIndex, CancellationToken cancellationToken) =>
        _writes.ExecuteAsync(ReleaseSql, [
            new("$event", eventId),
            new("$rule", rule),
            new("$index", actionIndex),
        ], cancellationToken);
}
