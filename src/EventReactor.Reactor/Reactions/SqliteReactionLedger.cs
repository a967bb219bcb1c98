using EventReactor.Contracts;
using EventReactor.Contracts.Api;
using EventReactor.Reactor.Leases;
using EventReactor.Reactor.Outbox;
using EventReactor.Reactor.State;

namespace EventReactor.Reactor.Reactions;

/// <summary>
/// The ledger in the reactor's SQLite file; it survives restarts. Claims and completions of events handled at the
/// same time are committed together (<see cref="GroupCommit"/>), each still committed before its call returns.
/// </summary>
internal sealed class SqliteReactionLedger(ReactorDatabase database, ReactorLiveness liveness, TimeProvider time) : IReactionLedger
{
    // A running claim is taken over when its owner's liveness lease is no longer live at the claim's epoch (expired, or
    // taken again since); one without an owner (made before migration 24) after ten minutes, as before.
    private const string ClaimSql = """
        INSERT INTO reactions (event_id, rule, action_index, status, updated_at, owner, owner_epoch) VALUES ($event, $rule, $index, 'running', $now, $owner, $epoch)
        ON CONFLICT (event_id, rule, action_index) DO UPDATE SET updated_at = $now, owner = $owner, owner_epoch = $epoch
        """ + TakeOverSql;

    // The claim and its completion in one statement, for an action that already ran (RecordOnceAsync).
    private const string RecordSql = """
        INSERT INTO reactions (event_id, rule, action_index, status, updated_at, owner, owner_epoch) VALUES ($event, $rule, $index, $status, $now, $owner, $epoch)
        ON CONFLICT (event_id, rule, action_index) DO UPDATE SET status = $status, updated_at = $now, owner = $owner, owner_epoch = $epoch
        """ + TakeOverSql;

    private const string RecordAndEmitSql = RecordSql + ";\n" + OutboxRows.InsertIfChangedSql;

    private const string TakeOverSql = """

        WHERE reactions.status = 'running' AND (
            (reactions.owner IS NULL AND reactions.updated_at < $abandoned)
            OR (reactions.owner IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM leases WHERE leases.name = $prefix || reactions.owner AND leases.epoch = reactions.owner_epoch AND leases.expires_at > $now)))
        """;

    // Fenced by the claim: a reactor whose claim was taken over changes nothing.
    private const string CompleteSql = """
        UPDATE reactions SET status = $status, updated_at = $now
        WHERE event_id = $event AND rule = $rule AND action_index = $index AND status = 'running' AND owner = $owner AND owner_epoch = $epoch
        """;

    // changes() is the completion's row count: the emitted event is stored only with a completion that landed.
    private const string CompleteAndEmitSql = CompleteSql + ";\n" + OutboxRows.InsertIfChangedSql;

    private const string ReleaseSql = """
        DELETE FROM reactions WHERE event_id = $event AND rule = $rule AND action_index = $index AND status = 'running' AND owner = $owner AND owner_epoch = $epoch
        """;

    private const string RunningSql = "SELECT count(*) FROM reactions WHERE event_id = $event AND rule = $rule AND action_index = $index AND status = 'running' AND (owner IS NULL OR owner <> $owner)";

    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(10);

    private readonly GroupCommit _writes = new(database);

    public async Task<ReactionClaim?> TryClaimAsync(string eventId, string rule, int actionIndex, CancellationToken cancellationToken)
    {
        var lease = await liveness.CurrentAsync(cancellationToken);
        var now = time.GetUtcNow();
        if (await _writes.ExecuteAsync(ClaimSql, ClaimParameters(eventId, rule, actionIndex, lease, now), cancellationToken) == 1)
        {
            return new ReactionClaim(eventId, rule, actionIndex, lease.Holder, lease.Epoch);
        }

        return await IsHeldElsewhereAsync(eventId, rule, actionIndex, lease, cancellationToken) ? throw new ClaimHeldException(eventId, rule, actionIndex) : null;
    }

    public async Task<bool> RecordOnceAsync(string eventId, string rule, int actionIndex, bool succeeded, EventEnvelope? emitted, CancellationToken cancellationToken)
    {
        var lease = await liveness.CurrentAsync(cancellationToken);
        var now = time.GetUtcNow();
        KeyValuePair<string, object>[] record =
        [
            .. ClaimParameters(eventId, rule, actionIndex, lease, now),
            new("$status", (succeeded ? ActionStatus.Done : ActionStatus.Failed).ToWire()),
        ];

        // One command of two statements (both or neither, as in CompleteAsync): the event is stored only with a record that landed.
        var recorded = emitted is null
            ? await _writes.ExecuteAsync(RecordSql, record, cancellationToken) == 1
            : await _writes.ExecuteAsync(RecordAndEmitSql, [.. record, .. OutboxRows.InsertParameters(emitted, now)], cancellationToken) == 2;
        return recorded || (await IsHeldElsewhereAsync(eventId, rule, actionIndex, lease, cancellationToken) ? throw new ClaimHeldException(eventId, rule, actionIndex) : false);
    }

    public async Task<bool> CompleteAsync(ReactionClaim claim, bool succeeded, EventEnvelope? emitted, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        KeyValuePair<string, object>[] completion =
        [
            new("$status", (succeeded ? ActionStatus.Done : ActionStatus.Failed).ToWire()),
            new("$now", now.ToUnixTimeMilliseconds()),
            .. Key(claim),
        ];

        // One command of two statements: GroupCommit runs each command inside a transaction, so both or neither.
        return emitted is null
            ? await _writes.ExecuteAsync(CompleteSql, completion, cancellationToken) == 1
            : await _writes.ExecuteAsync(CompleteAndEmitSql, [.. completion, .. OutboxRows.InsertParameters(emitted, now)], cancellationToken) == 2;
    }

    public Task ReleaseAsync(ReactionClaim claim, CancellationToken cancellationToken) =>
        _writes.ExecuteAsync(ReleaseSql, Key(claim), cancellationToken);

    private static KeyValuePair<string, object>[] ClaimParameters(string eventId, string rule, int actionIndex, LeaseToken lease, DateTimeOffset now) =>
    [
        new("$event", eventId),
        new("$rule", rule),
        new("$index", actionIndex),
        new("$now", now.ToUnixTimeMilliseconds()),
        new("$owner", lease.Holder),
        new("$epoch", lease.Epoch),
        new("$prefix", LeaseRow.ReactorPrefix),
        new("$abandoned", (now - AbandonedAfter).ToUnixTimeMilliseconds()),
    ];

    // Refused: done for good, or running here already (both duplicates), or running on another reactor whose lease is
    // live: the caller waits and tries again.
    private async Task<bool> IsHeldElsewhereAsync(string eventId, string rule, int actionIndex, LeaseToken lease, CancellationToken cancellationToken) =>
        (await database.QueryAsync(RunningSql, r => r.GetInt64(0), cancellationToken, ("$event", eventId), ("$rule", rule), ("$index", actionIndex), ("$owner", lease.Holder)))[0] > 0;

    private static KeyValuePair<string, object>[] Key(ReactionClaim claim) =>
    [
        new("$event", claim.EventId),
        new("$rule", claim.Rule),
        new("$index", claim.ActionIndex),
        new("$owner", claim.Owner),
        new("$epoch", claim.Epoch),
    ];
}
