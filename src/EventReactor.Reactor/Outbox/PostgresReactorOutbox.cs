using EventReactor.Contracts;
using EventReactor.Reactor.Leases;
using EventReactor.Reactor.State;
using Npgsql;

namespace EventReactor.Reactor.Outbox;

/// <summary>The outbox in PostgreSQL (migration 7); each statement commits on its own, the server groups the flushes.</summary>
internal sealed class PostgresReactorOutbox(ReactorPostgresDatabase database, TimeProvider time) : IReactorOutbox
{
    public const string InsertSql = "INSERT INTO reactor_outbox (event_id, tag, json, created_at) VALUES (@outbox_id, @outbox_tag, @outbox_json, @outbox_now)";

    // FOR SHARE holds the lease row until this insert commits: a takeover (which updates the row) waits for it, and an
    // insert that starts after the takeover committed finds the old epoch gone. No write of an old epoch lands after it.
    private const string FencedInsertSql = """
        INSERT INTO reactor_outbox (event_id, tag, json, created_at)
        SELECT @outbox_id, @outbox_tag, @outbox_json, @outbox_now FROM leases WHERE name = @fence_name AND epoch = @fence_epoch FOR SHARE
        """;

    private const string ReadSql = "SELECT seq, event_id, tag, json FROM reactor_outbox WHERE seq > @after AND NOT {0} ORDER BY seq LIMIT @limit";

    // Removed once both steps are done; otherwise the step is marked. One statement each, so no transaction is needed.
    private const string EvaluatedSql = """
        WITH done AS (DELETE FROM reactor_outbox WHERE seq = @seq AND published RETURNING seq)
        UPDATE reactor_outbox SET evaluated = TRUE WHERE seq = @seq AND seq NOT IN (SELECT seq FROM done)
        """;

    private const string PublishedSql = """
        WITH done AS (DELETE FROM reactor_outbox WHERE seq = ANY(@seqs) AND evaluated RETURNING seq)
        UPDATE reactor_outbox SET published = TRUE WHERE seq = ANY(@seqs) AND seq NOT IN (SELECT seq FROM done)
        """;

    public Task AddAsync(EventEnvelope envelope, CancellationToken cancellationToken) =>
        database.ExecuteAsync(InsertSql, cancellationToken, InsertParameters(envelope, time.GetUtcNow()));

    public async Task<bool> AddFencedAsync(EventEnvelope envelope, LeaseToken fence, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(FencedInsertSql, cancellationToken,
            [.. InsertParameters(envelope, time.GetUtcNow()), ("fence_name", fence.Name.ToString()), ("fence_epoch", fence.Epoch)]) == 1;

    public Task<IReadOnlyList<OutboxEvent>> ReadToEvaluateAsync(long after, int limit, CancellationToken cancellationToken) =>
        ReadAsync("evaluated", after, limit, cancellationToken);

    public Task<IReadOnlyList<OutboxEvent>> ReadToPublishAsync(long after, int limit, CancellationToken cancellationToken) =>
        ReadAsync("published", after, limit, cancellationToken);

    public Task MarkEvaluatedAsync(long sequence, CancellationToken cancellationToken) =>
        database.ExecuteAsync(EvaluatedSql, cancellationToken, ("seq", sequence));

    public Task MarkPublishedAsync(IReadOnlyList<long> sequences, CancellationToken cancellationToken) =>
        sequences.Count == 0 ? Task.CompletedTask : database.ExecuteAsync(PublishedSql, cancellationToken, ("seqs", sequences.ToArray()));

    public async Task<int> CountAsync(CancellationToken cancellationToken) =>
        Convert.ToInt32(await database.ScalarAsync("SELECT count(*) FROM reactor_outbox", cancellationToken), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The parameters of <see cref="InsertSql"/>, also used by the ledger's completion in the same transaction.</summary>
    public static (string Name, object? Value)[] InsertParameters(EventEnvelope envelope, DateTimeOffset now) =>
    [
        ("outbox_id", envelope.Id),
        ("outbox_tag", envelope.Tag),
        ("outbox_json", CloudEventJson.SerializeToUtf8Bytes(envelope)),
        ("outbox_now", now.ToUnixTimeMilliseconds()),
    ];

    private async Task<IReadOnlyList<OutboxEvent>> ReadAsync(string step, long after, int limit, CancellationToken cancellationToken) =>
        await database.QueryAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, ReadSql, step), Read, cancellationToken, ("after", after), ("limit", limit));

    private static OutboxEvent Read(NpgsqlDataReader reader) =>
        new(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), (byte[])reader.GetValue(3));
}
