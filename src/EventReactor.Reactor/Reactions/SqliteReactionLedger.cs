using EventReactor.Reactor.State;

namespace EventReactor.Reactor.Reactions;

/// <summary>The ledger in the reactor's SQLite file; it survives restarts.</summary>
internal sealed class SqliteReactionLedger(ReactorDatabase database, TimeProvider time) : IReactionLedger
{
    // A claim still 'running' this long after it was made belongs to a reactor that died mid-action: take it over.
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(10);

    public Task<bool> TryClaimAsync(string eventId, string rule, int actionIndex, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            var now = time.GetUtcNow();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO reactions (event_id, rule, action_index, status, updated_at) VALUES ($event, $rule, $index, 'running', $now)
                ON CONFLICT (event_id, rule, action_index) DO UPDATE SET updated_at = $now
                WHERE reactions.status = 'running' AND reactions.updated_at < $abandoned
                """;
            command.Parameters.AddWithValue("$event", eventId);
            command.Parameters.AddWithValue("$rule", rule);
            command.Parameters.AddWithValue("$index", actionIndex);
            command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$abandoned", (now - AbandonedAfter).ToUnixTimeMilliseconds());
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }, cancellationToken);

    public Task CompleteAsync(string eventId, string rule, int actionIndex, bool succeeded, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE reactions SET status = $status, updated_at = $now WHERE event_id = $event AND rule = $rule AND action_index = $index";
            command.Parameters.AddWithValue("$status", succeeded ? "done" : "failed");
            command.Parameters.AddWithValue("$now", time.GetUtcNow().ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$event", eventId);
            command.Parameters.AddWithValue("$rule", rule);
            command.Parameters.AddWithValue("$index", actionIndex);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public Task ReleaseAsync(string eventId, string rule, int actionIndex, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM reactions WHERE event_id = $event AND rule = $rule AND action_index = $index AND status = 'running'";
            command.Parameters.AddWithValue("$event", eventId);
            command.Parameters.AddWithValue("$rule", rule);
            command.Parameters.AddWithValue("$index", actionIndex);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
}
