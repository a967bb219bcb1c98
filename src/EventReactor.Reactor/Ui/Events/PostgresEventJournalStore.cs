using EventReactor.Contracts;
using EventReactor.Reactor.State;
using EventReactor.Storage.Postgres;
using Npgsql;

namespace EventReactor.Reactor.Ui.Events;

/// <summary>The journal in PostgreSQL (migration 6), ordered by its identity column <c>seq</c>; a batch is one multi-row insert.</summary>
internal sealed class PostgresEventJournalStore(ReactorPostgresDatabase database) : IEventJournalStore
{
    public Task AppendAsync(IReadOnlyList<EventEnvelope> events, int keep, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO events (id, tag, source, time, minion, caused_by, depth, data)
                SELECT i, t, s, ti, m, c, d, da FROM unnest(@id, @tag, @source, @time, @minion, @cause, @depth, @data) WITH ORDINALITY AS x(i, t, s, ti, m, c, d, da, n)
                ORDER BY n
                ON CONFLICT (id) DO NOTHING
                """,
                transaction,
                cancellationToken,
                ("id", events.Select(e => e.Id).ToArray()),
                ("tag", events.Select(e => e.Tag).ToArray()),
                ("source", events.Select(e => e.Source).ToArray()),
                ("time", events.Select(e => e.Time.ToUnixTimeMilliseconds()).ToArray()),
                ("minion", events.Select(e => e.Minion).ToArray()),
                ("cause", events.Select(e => e.CausedBy).ToArray()),
                ("depth", events.Select(e => e.Depth).ToArray()),
                ("data", events.Select(e => e.Data.GetRawText()).ToArray()));
            return await connection.ExecuteAsync("DELETE FROM events WHERE seq <= (SELECT max(seq) FROM events) - @keep", transaction, cancellationToken, ("keep", (long)keep));
        }, cancellationToken);

    public async Task<JournalEntry?> FindAsync(string id, CancellationToken cancellationToken) =>
        (await QueryAsync("WHERE id = @p LIMIT 1", id, cancellationToken)).FirstOrDefault();

    public Task<IReadOnlyList<JournalEntry>> CausedByAsync(string id, CancellationToken cancellationToken) =>
        QueryAsync("WHERE caused_by = @p ORDER BY seq LIMIT 200", id, cancellationToken);

    public Task<IReadOnlyList<JournalEntry>> RecentAsync(string? minion, int limit, CancellationToken cancellationToken) =>
        minion is null
            ? QueryAsync("ORDER BY seq DESC LIMIT @p", limit, cancellationToken)
            : QueryAsync($"WHERE minion = @p ORDER BY seq DESC LIMIT {limit}", minion, cancellationToken);

    private async Task<IReadOnlyList<JournalEntry>> QueryAsync(string where, object parameter, CancellationToken cancellationToken) =>
        await database.QueryAsync(
            $"SELECT id, tag, source, time, minion, caused_by, depth, data FROM events {where}",
            Read,
            cancellationToken,
            ("p", parameter));

    private static JournalEntry Read(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        reader.IsDBNull(5) ? null : reader.GetString(5),
        reader.GetInt32(6),
        reader.GetString(7));
}
