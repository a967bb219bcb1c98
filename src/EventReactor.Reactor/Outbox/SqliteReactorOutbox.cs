using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Reactor.Leases;
using EventReactor.Reactor.State;
using Microsoft.Data.Sqlite;

namespace EventReactor.Reactor.Outbox;

/// <summary>
/// The outbox in <c>reactor.db</c>; writes share group commits like the ledger's. The file has one reactor, so every
/// row is its own (no owner is kept), and its single writer commits rows in the order it numbered them: a reader's
/// cursor cannot pass a row that commits later, as it can on PostgreSQL.
/// </summary>
internal sealed class SqliteReactorOutbox(ReactorDatabase database, TimeProvider time) : IReactorOutbox
{
    private const string FencedInsertSql = """
        INSERT INTO reactor_outbox (event_id, tag, json, created_at)
        SELECT $outbox_id, $outbox_tag, $outbox_json, $outbox_now FROM leases WHERE name = $fence_name AND epoch = $fence_epoch
        """;

    private const string ReadSql = "SELECT seq, event_id, tag, json FROM reactor_outbox WHERE seq > $after AND {0} = 0 ORDER BY seq LIMIT $limit";

    // Removed once both steps are done; otherwise the step is marked. A batch's sequences travel as one JSON array, so
    // that a batch is one command (two statements) however long it is.
    private const string EvaluatedSql = """
        DELETE FROM reactor_outbox WHERE seq IN (SELECT value FROM json_each($seqs)) AND published = 1;
        UPDATE reactor_outbox SET evaluated = 1 WHERE seq IN (SELECT value FROM json_each($seqs))
        """;

    private const string PublishedSql = """
        DELETE FROM reactor_outbox WHERE seq IN (SELECT value FROM json_each($seqs)) AND evaluated = 1;
        UPDATE reactor_outbox SET published = 1 WHERE seq IN (SELECT value FROM json_each($seqs))
        """;

    private readonly GroupCommit _writes = new(database);

    public Task AddAsync(EventEnvelope envelope, CancellationToken cancellationToken) =>
        _writes.ExecuteAsync(OutboxRows.InsertSql, OutboxRows.InsertParameters(envelope, time.GetUtcNow()), cancellationToken);

    // The check and the insert are one statement on SQLite's single writer: nothing can take the lease between them.
    public async Task<bool> AddFencedAsync(EventEnvelope envelope, LeaseToken fence, CancellationToken cancellationToken) =>
        await _writes.ExecuteAsync(FencedInsertSql, [.. OutboxRows.InsertParameters(envelope, time.GetUtcNow()), new("$fence_name", fence.Name.ToString()), new("$fence_epoch", fence.Epoch)], cancellationToken) == 1;

    public Task<IReadOnlyList<OutboxEvent>> ReadToEvaluateAsync(long after, int limit, CancellationToken cancellationToken) =>
        ReadAsync("evaluated", after, limit, cancellationToken);

    public Task<IReadOnlyList<OutboxEvent>> ReadToPublishAsync(long after, int limit, CancellationToken cancellationToken) =>
        ReadAsync("published", after, limit, cancellationToken);

    public Task<int> AdoptAsync(CancellationToken cancellationToken) => Task.FromResult(0);

    public Task MarkEvaluatedAsync(IReadOnlyList<long> sequences, CancellationToken cancellationToken) => MarkAsync(EvaluatedSql, sequences, cancellationToken);

    public Task MarkPublishedAsync(IReadOnlyList<long> sequences, CancellationToken cancellationToken) => MarkAsync(PublishedSql, sequences, cancellationToken);

    public async Task<int> CountAsync(CancellationToken cancellationToken) =>
        (await database.QueryAsync("SELECT count(*) FROM reactor_outbox", reader => reader.GetInt32(0), cancellationToken))[0];

    private Task MarkAsync(string sql, IReadOnlyList<long> sequences, CancellationToken cancellationToken) =>
        sequences.Count == 0 ? Task.CompletedTask : _writes.ExecuteAsync(sql, [new("$seqs", JsonSerializer.Serialize(sequences))], cancellationToken);

    private async Task<IReadOnlyList<OutboxEvent>> ReadAsync(string step, long after, int limit, CancellationToken cancellationToken) =>
        await database.QueryAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, ReadSql, step), Read, cancellationToken, ("$after", after), ("$limit", limit));

    private static OutboxEvent Read(SqliteDataReader reader) =>
        new(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), (byte[])reader.GetValue(3));
}
