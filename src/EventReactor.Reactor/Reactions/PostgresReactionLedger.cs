using EventReactor.Contracts;
using EventReactor.Contracts.Api;
using EventReactor.Reactor.Outbox;
using EventReactor.Reactor.State;
using EventReactor.Storage.Postgres;

namespace EventReactor.Reactor.Reactions;

/// <summary>
/// The ledger in PostgreSQL, shared by every reactor on the database: the primary key makes a claim win once, whichever
/// reactor makes it. Each statement commits on its own; the server groups concurrent commits into one WAL flush.
/// </summary>
internal sealed class PostgresReactionLedger(ReactorPostgresDatabase database, TimeProvider time) : IReactionLedger
{
    private const string ClaimSql = """
        INSERT INTO reactions (event_id, rule, action_index, status, updated_at) VALUES (@event, @rule, @index, 'running', @now)
        ON CONFLICT (event_id, rule, action_index) DO UPDATE SET updated_at = @now
        WHERE reactions.status = 'running' AND reactions.updated_at < @abandoned
        """;

    private const string CompleteSql = "UPDATE reactions SET status = @status, updated_at = @now WHERE event_id = @event AND rule = @rule AND action_index = @index";

    // A claim still 'running' this long after it was made belongs to a reactor that died mid-action: take it over.
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(10);

    public async Task<bool> TryClaimAsync(string eventId, string rule, int actionIndex, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await database.ExecuteAsync(ClaimSql, cancellationToken,
            ("event", eventId), ("rule", rule), ("index", actionIndex),
            ("now", now.ToUnixTimeMilliseconds()), ("abandoned", (now - AbandonedAfter).ToUnixTimeMilliseconds())) == 1;
    }

    public Task CompleteAsync(string eventId, string rule, int actionIndex, bool succeeded, EventEnvelope? emitted, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        (string Name, object? Value)[] completion =
        [
            ("status", (succeeded ? ActionStatus.Done : ActionStatus.Failed).ToWire()),
            ("now", now.ToUnixTimeMilliseconds()),
            ("event", eventId),
            ("rule", rule),
            ("index", actionIndex),
        ];
        if (emitted is null)
        {
            return database.ExecuteAsync(CompleteSql, cancellationToken, completion);
        }

        // The emitted event is stored in the transaction that completes the claim: a crash leaves both or neither.
        return database.InTransactionAsync(
            async (connection, transaction) =>
            {
                await connection.ExecuteAsync(CompleteSql, transaction, cancellationToken, completion);
                return await connection.ExecuteAsync(PostgresReactorOutbox.InsertSql, transaction, cancellationToken, PostgresReactorOutbox.InsertParameters(emitted, now));
            },
            cancellationToken);
    }

    public Task ReleaseAsync(string eventId, string rule, int actionIndex, CancellationToken cancellationToken) =>
        database.ExecuteAsync("DELETE FROM reactions WHERE event_id = @event AND rule = @rule AND action_index = @index AND status = 'running'", cancellationToken,
            ("event", eventId), ("rule", rule), ("index", actionIndex));
}
