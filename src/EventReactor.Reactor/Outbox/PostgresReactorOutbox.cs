using EventReactor.Contracts;
using EventReactor.Reactor.Leases;
using EventReactor.Reactor.State;
using Npgsql;

namespace EventReactor.Reactor.Outbox;

/// <summary>
/// The outbox in PostgreSQL (migrations 7 and 25), shared by the reactors on the database: each row names the reactor
/// that stored it (<c>owner</c>, its liveness lease's holder), which alone evaluates and publishes it, so an event is
/// evaluated once in-process; a reactor adopts the rows of one whose lease ran out. Each statement commits on its own,
/// the server groups the flushes.
/// </summary>
internal sealed class PostgresReactorOutbox(ReactorPostgresDatabase database, ReactorLiveness liveness, TimeProvider time) : IReactorOutbox
{
    public const string InsertSql = "INSERT INTO reactor_outbox (event_id, tag, json, created_at, owner) VALUES (@outbox_id, @outbox_tag, @outbox_json, @outbox_now, @outbox_owner)";

    /// <summary>The row of <see cref="InsertParameters"/> once per row of the FROM clause that the caller appends.</summary>
    public const string InsertSelectSql = "INSERT INTO reactor_outbox (event_id, tag, json, created_at, owner) SELECT @outbox_id, @outbox_tag, @outbox_json, @outbox_now, @outbox_owner";

    // FOR SHARE holds the lease row until this insert commits: a takeover (which updates the row) waits for it, and an
    // insert that starts after the takeover committed finds the old epoch gone. No write of an old epoch lands after it.
    private const string FencedInsertSql = InsertSelectSql + " FROM leases WHERE name = @fence_name AND epoch = @fence_epoch FOR SHARE";

    private const string ReadSql = "SELECT seq, event_id, tag, json FROM reactor_outbox WHERE owner = @owner AND NOT {0} AND seq > @after ORDER BY seq LIMIT @limit";

    // Rows of a reactor with no live liveness lease (expired, let go at a stop, or never taken: NULL owner before
    // migration 25). Two adopters racing for a row are ordered by its lock; the second re-checks the row, finds the
    // first's live lease and leaves it, so one reactor evaluates it.
    private const string AdoptSql = """
        UPDATE reactor_outbox SET owner = @owner
        WHERE owner IS DISTINCT FROM @owner
          AND NOT EXISTS (SELECT 1 FROM leases WHERE leases.name = @prefix || reactor_outbox.owner AND leases.expires_at > @now)
        """;

    // The step is marked, then the rows with both steps done are removed, in two statements: the second one reads the
    // table again, so whichever of the evaluator and the publisher marks a row last also removes it. One statement with
    // both parts read one snapshot, and when the two marked the same row at once neither saw the other's mark: the row
    // stayed in the outbox with both steps done.
    private const string EvaluatedSql = """
        UPDATE reactor_outbox SET evaluated = TRUE WHERE seq = ANY(@seqs);
        DELETE FROM reactor_outbox WHERE seq = ANY(@seqs) AND evaluated AND published
        """;

    private const string PublishedSql = """
        UPDATE reactor_outbox SET published = TRUE WHERE seq = ANY(@seqs);
        DELETE FROM reactor_outbox WHERE seq = ANY(@seqs) AND evaluated AND published
        """;

    // The owner's lease is taken (or known live) before the row is stored, so no other reactor adopts a fresh row.
    public async Task AddAsync(EventEnvelope envelope, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(InsertSql, cancellationToken, InsertParameters(envelope, time.GetUtcNow(), await OwnerAsync(cancellationToken)));

    public async Task<bool> AddFencedAsync(EventEnvelope envelope, LeaseToken fence, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(FencedInsertSql, cancellationToken,
            [.. InsertParameters(envelope, time.GetUtcNow(), await OwnerAsync(cancellationToken)), ("fence_name", fence.Name.ToString()), ("fence_epoch", fence.Epoch)]) == 1;

    public Task<IReadOnlyList<OutboxEvent>> ReadToEvaluateAsync(long after, int limit, CancellationToken cancellationToken) =>
        ReadAsync("evaluated", after, limit, cancellationToken);

    public Task<IReadOnlyList<OutboxEvent>> ReadToPublishAsync(long after, int limit, CancellationToken cancellationToken) =>
        ReadAsync("published", after, limit, cancellationToken);

    public async Task<int> AdoptAsync(CancellationToken cancellationToken) =>
        await database.ExecuteAsync(AdoptSql, cancellationToken,
            ("owner", await OwnerAsync(cancellationToken)), ("prefix", LeaseRow.ReactorPrefix), ("now", time.GetUtcNow().ToUnixTimeMilliseconds()));

    public Task MarkEvaluatedAsync(IReadOnlyList<long> sequences, CancellationToken cancellationToken) =>
        sequences.Count == 0 ? Task.CompletedTask : database.ExecuteAsync(EvaluatedSql, cancellationToken, ("seqs", sequences.ToArray()));

    public Task MarkPublishedAsync(IReadOnlyList<long> sequences, CancellationToken cancellationToken) =>
        sequences.Count == 0 ? Task.CompletedTask : database.ExecuteAsync(PublishedSql, cancellationToken, ("seqs", sequences.ToArray()));

    public async Task<int> CountAsync(CancellationToken cancellationToken) =>
        Convert.ToInt32(await database.ScalarAsync("SELECT count(*) FROM reactor_outbox", cancellationToken), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The parameters of <see cref="InsertSql"/> and <see cref="InsertSelectSql"/>, also used by the ledger's completion in the same statement;
    /// <paramref name="owner"/> is the storing reactor's liveness holder.
    /// </summary>
    public static (string Name, object? Value)[] InsertParameters(EventEnvelope envelope, DateTimeOffset now, string owner) =>
    [
        ("outbox_id", envelope.Id),
        ("outbox_tag", envelope.Tag),
        ("outbox_json", CloudEventJson.SerializeToUtf8Bytes(envelope)),
        ("outbox_now", now.ToUnixTimeMilliseconds()),
        ("outbox_owner", owner),
    ];

    private async Task<string> OwnerAsync(CancellationToken cancellationToken) => (await liveness.CurrentAsync(cancellationToken)).Holder;

    private async Task<IReadOnlyList<OutboxEvent>> ReadAsync(string step, long after, int limit, CancellationToken cancellationToken) =>
        await database.QueryAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, ReadSql, step), Read, cancellationToken,
            ("owner", liveness.Holder), ("after", after), ("limit", limit));

    private static OutboxEvent Read(NpgsqlDataReader reader) =>
        new(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), (byte[])reader.GetValue(3));
}
