using EventReactor.Contracts;
using EventReactor.Core.Evaluation.Replay;
using EventReactor.Reactor.State;
using EventReactor.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace EventReactor.Reactor.Journal;

/// <summary>The journal in the reactor's SQLite file (migrations 6 and 30), ordered by rowid, which grows with insertion.</summary>
internal sealed class SqliteEventJournalStore(ReactorDatabase database) : IEventJournalStore
{
    /// <summary>A row's size as retention counts it: its text, plus a fixed share for the row and its indexes.</summary>
    private const string RowBytes = "length(data) + length(tag) + length(id) + length(source) + 96";

    private static readonly string WindowColumns = RecordedEventReader.Columns("e.rowid", column => $"CAST({column} AS BLOB)");

    public Task<long> PruneAsync(DateTimeOffset olderThan, long maxBytes, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            var byAge = await connection.ExecuteAsync("DELETE FROM events WHERE time < $before", cancellationToken, ("$before", olderThan.ToUnixTimeMilliseconds()));

            // The newest events are kept while their running size fits; the first that does not and all older go.
            var bySize = await connection.ExecuteAsync(
                $"""
                DELETE FROM events WHERE rowid <= (
                    SELECT rowid FROM (SELECT rowid, SUM({RowBytes}) OVER (ORDER BY rowid DESC) AS total FROM events)
                    WHERE total > $max ORDER BY rowid DESC LIMIT 1)
                """,
                cancellationToken,
                ("$max", maxBytes));
            return (long)byAge + bySize;
        }, cancellationToken);

    public Task<long> ReadWindowAsync(DateTimeOffset from, DateTimeOffset to, Action<RecordedEvent> visit, CancellationToken cancellationToken) =>
        database.ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                SELECT {WindowColumns}
                FROM events e LEFT JOIN audit a ON a.event_id = e.id
                WHERE e.time >= $from AND e.time < $to
                ORDER BY e.time, e.rowid, a.id
                """;
            command.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await RecordedEventReader.ReadAsync(reader, visit, cancellationToken);
        }, cancellationToken);

    public async Task<JournalEntry?> FindAsync(string id, CancellationToken cancellationToken) =>
        (await QueryAsync("WHERE id = $p LIMIT 1", id, cancellationToken)).FirstOrDefault();

    public Task<IReadOnlyList<JournalEntry>> CausedByAsync(string id, CancellationToken cancellationToken) =>
        QueryAsync("WHERE caused_by = $p ORDER BY rowid LIMIT 200", id, cancellationToken);

    public Task<IReadOnlyList<JournalEntry>> RecentAsync(string? minion, int limit, CancellationToken cancellationToken) =>
        minion is null
            ? QueryAsync("ORDER BY rowid DESC LIMIT $p", limit, cancellationToken)
            : QueryAsync($"WHERE minion = $p ORDER BY rowid DESC LIMIT {limit}", minion, cancellationToken);

    private async Task<IReadOnlyList<JournalEntry>> QueryAsync(string where, object parameter, CancellationToken cancellationToken) =>
        await database.QueryAsync(
            $"SELECT id, tag, source, time, minion, caused_by, depth, data FROM events {where}",
            reader => new JournalEntry(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetInt32(6),
                reader.GetString(7)),
            cancellationToken,
            ("$p", parameter));
}
