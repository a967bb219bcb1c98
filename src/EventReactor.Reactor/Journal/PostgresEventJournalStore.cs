using EventReactor.Contracts;
using EventReactor.Core.Evaluation.Replay;
using EventReactor.Reactor.State;
using EventReactor.Storage.Postgres;
using Npgsql;

namespace EventReactor.Reactor.Journal;

/// <summary>The journal in PostgreSQL (migrations 6 and 30), ordered by its identity column <c>seq</c>; its rows are written with the audit (<see cref="PostgresJournalRows"/>).</summary>
internal sealed class PostgresEventJournalStore(ReactorPostgresDatabase database) : IEventJournalStore
{
    /// <summary>A row's size as retention counts it: its text, plus a fixed share for the row and its indexes.</summary>
    private const string RowBytes = "octet_length(data) + octet_length(tag) + octet_length(id) + octet_length(source) + 96";

    private static readonly string WindowColumns = RecordedEventReader.Columns("e.seq", column => $"convert_to({column}, 'UTF8')");

    public async Task<long> PruneAsync(DateTimeOffset olderThan, long maxBytes, CancellationToken cancellationToken)
    {
        var byAge = await database.ExecuteAsync("DELETE FROM events WHERE time < @before", cancellationToken, ("before", olderThan.ToUnixTimeMilliseconds()));

        // The newest events are kept while their running size fits; the first that does not and all older go.
        var bySize = await database.ExecuteAsync(
            $"""
            DELETE FROM events WHERE seq <= (
                SELECT seq FROM (SELECT seq, SUM({RowBytes}) OVER (ORDER BY seq DESC) AS total FROM events) sized
                WHERE total > @max ORDER BY seq DESC LIMIT 1)
            """,
            cancellationToken,
            ("max", maxBytes));
        return (long)byAge + bySize;
    }

    public Task<long> ReadWindowAsync(DateTimeOffset from, DateTimeOffset to, Action<RecordedEvent> visit, CancellationToken cancellationToken) =>
        database.ReadAsync(async connection =>
        {
            await using var command = new NpgsqlCommand(
                $"""
                SELECT {WindowColumns}
                FROM events e LEFT JOIN audit a ON a.event_id = e.id
                WHERE e.time >= @from AND e.time < @to
                ORDER BY e.time, e.seq, a.id
                """,
                connection);
            command.Parameters.AddWithValue("from", from.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("to", to.ToUnixTimeMilliseconds());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await RecordedEventReader.ReadAsync(reader, visit, cancellationToken);
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
