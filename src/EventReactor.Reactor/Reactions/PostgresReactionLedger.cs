using EventReactor.Contracts;
using EventReactor.Contracts.Api;
using EventReactor.Reactor.Leases;
using EventReactor.Reactor.Outbox;
using EventReactor.Reactor.State;
using EventReactor.Storage.Postgres;

namespace EventReactor.Reactor.Reactions;

/// <summary>
/// The ledger in PostgreSQL, shared by every reactor on the database: the primary key makes a claim win once, whichever
/// reactor makes it. Each write is one statement, committed with those of the other events in flight at the moment
/// (<see cref="Storage.Postgres.PostgresDatabase.ExecuteGroupedAsync"/>): one round trip and one commit for all of them.
/// </summary>
internal sealed class PostgresReactionLedger(ReactorPostgresDatabase database, ReactorLiveness liveness, TimeProvider time) : IReactionLedger
{
    // A running claim is taken over when its owner's liveness lease is no longer live at the claim's epoch (expired, or
    // taken again since); one without an owner (made before migration 24) after ten minutes, as before. The row's lock
    // orders a takeover against the old owner's completion: whichever commits first wins, the other changes nothing.
    private const string ClaimSql = """
        INSERT INTO reactions (event_id, rule, action_index, status, updated_at, owner, owner_epoch) VALUES (@event, @rule, @index, 'running', @now, @owner, @epoch)
        ON CONFLICT (event_id, rule, action_index) DO UPDATE SET updated_at = @now, owner = @owner, owner_epoch = @epoch
        """ + TakeOverSql;

    // The claim and its completion in one statement, for an action that already ran (RecordOnceAsync).
    private const string RecordSql = """
        INSERT INTO reactions (event_id, rule, action_index, status, updated_at, owner, owner_epoch) VALUES (@event, @rule, @index, @status, @now, @owner, @epoch)
        ON CONFLICT (event_id, rule, action_index) DO UPDATE SET status = @status, updated_at = @now, owner = @owner, owner_epoch = @epoch
        """ + TakeOverSql;

    private const string TakeOverSql = """

        WHERE reactions.status = 'running' AND (
            (reactions.owner IS NULL AND reactions.updated_at < @abandoned)
            OR (reactions.owner IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM leases WHERE leases.name = @prefix || reactions.owner AND leases.epoch = reactions.owner_epoch AND leases.expires_at > @now)))
        """;

    // Fenced by the claim: a reactor whose claim was taken over changes nothing.
    private const string CompleteSql = """
        UPDATE reactions SET status = @status, updated_at = @now
        WHERE event_id = @event AND rule = @rule AND action_index = @index AND status = 'running' AND owner = @owner AND owner_epoch = @epoch
        """;

    private const string ReleaseSql = """
        DELETE FROM reactions WHERE event_id = @event AND rule = @rule AND action_index = @index AND status = 'running' AND owner = @owner AND owner_epoch = @epoch
        """;

    // A completion or record with the event it fired: the outbox row is inserted by the same statement, once per row the
    // ledger's write returns, so a write refused by the fence or the conflict stores nothing, and a crash leaves both or
    // neither. One statement is one round trip; a transaction around the two was three (BEGIN with the first, the second,
    // COMMIT).
    private const string CompleteAndEmitSql = $"WITH completed AS ({CompleteSql}\nRETURNING 1)\n{PostgresReactorOutbox.InsertSelectSql} FROM completed";

    private const string RecordAndEmitSql = $"WITH recorded AS ({RecordSql}\nRETURNING 1)\n{PostgresReactorOutbox.InsertSelectSql} FROM recorded";

    private const string RunningSql = "SELECT count(*) FROM reactions WHERE event_id = @event AND rule = @rule AND action_index = @index AND status = 'running' AND (owner IS NULL OR owner <> @owner)";

    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(10);

    public async Task<ReactionClaim?> TryClaimAsync(string eventId, string rule, int actionIndex, CancellationToken cancellationToken)
    {
        var lease = await liveness.CurrentAsync(cancellationToken);
        var now = time.GetUtcNow();
        if (await database.ExecuteGroupedAsync(ClaimSql, cancellationToken, ClaimParameters(eventId, rule, actionIndex, lease, now)) == 1)
        {
            return new ReactionClaim(eventId, rule, actionIndex, lease.Holder, lease.Epoch);
        }

        return await IsHeldElsewhereAsync(eventId, rule, actionIndex, lease, cancellationToken) ? throw new ClaimHeldException(eventId, rule, actionIndex) : null;
    }

    public async Task<bool> RecordOnceAsync(string eventId, string rule, int actionIndex, bool succeeded, EventEnvelope? emitted, CancellationToken cancellationToken)
    {
        var lease = await liveness.CurrentAsync(cancellationToken);
        var now = time.GetUtcNow();
        (string Name, object? Value)[] record =
        [
            .. ClaimParameters(eventId, rule, actionIndex, lease, now),
            ("status", (succeeded ? ActionStatus.Done : ActionStatus.Failed).ToWire()),
        ];
        var recorded = emitted is null
            ? await database.ExecuteGroupedAsync(RecordSql, cancellationToken, record) == 1
            : await database.ExecuteGroupedAsync(RecordAndEmitSql, cancellationToken, [.. record, .. PostgresReactorOutbox.InsertParameters(emitted, now, lease.Holder)]) == 1;
        return recorded || (await IsHeldElsewhereAsync(eventId, rule, actionIndex, lease, cancellationToken) ? throw new ClaimHeldException(eventId, rule, actionIndex) : false);
    }

    public async Task<bool> CompleteAsync(ReactionClaim claim, bool succeeded, EventEnvelope? emitted, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        (string Name, object? Value)[] completion =
        [
            ("status", (succeeded ? ActionStatus.Done : ActionStatus.Failed).ToWire()),
            ("now", now.ToUnixTimeMilliseconds()),
            .. Key(claim),
        ];
        // The claim's owner owns the emitted event (evaluates and publishes it).
        return emitted is null
            ? await database.ExecuteGroupedAsync(CompleteSql, cancellationToken, completion) == 1
            : await database.ExecuteGroupedAsync(CompleteAndEmitSql, cancellationToken, [.. completion, .. PostgresReactorOutbox.InsertParameters(emitted, now, claim.Owner)]) == 1;
    }

    public Task ReleaseAsync(ReactionClaim claim, CancellationToken cancellationToken) =>
        database.ExecuteGroupedAsync(ReleaseSql, cancellationToken, Key(claim));

    private static (string Name, object? Value)[] ClaimParameters(string eventId, string rule, int actionIndex, LeaseToken lease, DateTimeOffset now) =>
    [
        ("event", eventId), ("rule", rule), ("index", actionIndex), ("now", now.ToUnixTimeMilliseconds()),
        ("owner", lease.Holder), ("epoch", lease.Epoch), ("prefix", LeaseRow.ReactorPrefix),
        ("abandoned", (now - AbandonedAfter).ToUnixTimeMilliseconds()),
    ];

    // Refused: done for good, or running here already (both duplicates), or running on another reactor whose lease is
    // live: the caller waits and tries again.
    private async Task<bool> IsHeldElsewhereAsync(string eventId, string rule, int actionIndex, LeaseToken lease, CancellationToken cancellationToken) =>
        (await database.QueryAsync(RunningSql, r => r.GetInt64(0), cancellationToken, ("event", eventId), ("rule", rule), ("index", actionIndex), ("owner", lease.Holder)))[0] > 0;

    private static (string Name, object? Value)[] Key(ReactionClaim claim) =>
        [("event", claim.EventId), ("rule", claim.Rule), ("index", claim.ActionIndex), ("owner", claim.Owner), ("epoch", claim.Epoch)];
}
