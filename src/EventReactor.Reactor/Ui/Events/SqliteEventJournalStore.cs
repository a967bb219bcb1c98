using EventReactor.Contracts;
using EventReactor.Reactor.State;
using Microsoft.Data.Sqlite;

namespace EventReactor.Reactor.Ui.Events;

/// <summary>The journal in the reactor's SQLite file (migration 6), ordered by rowid, which grows with insertion.</summary>
internal sealed class SqliteEventJournalStore(ReactorDatabase database) : IEventJournalStore
{
    public Task AppendAsync(IReadOnlyList<EventEnvelope> events, int keep, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT OR IGNORE INTO events (id, tag, source, time, minion, caused_by, depth, data)
                VALUES ($id, $tag, $source, $time, $minion, $cause, $depth, $data)
                """;
            var parameters = new[] { "$id", "$tag", "$source", "$time", "$minion", "$cause", "$depth", "$data" }
                .Select(name => command.Parameters.Add(name, SqliteType.Text))
                .ToArray();
            foreach (var envelope in events)
            {
                parameters[0].Value = envelope.Id;
                parameters[1].Value = envelope.Tag;
                parameters[2].Value = envelope.Source;
                parameters[3].Value = envelope.Time.ToUnixTimeMilliseconds();
                parameters[4].Value = (object?)envelope.Minion ?? DBNull.Value;
                parameters[5].Value = (object?)envelope.CausedBy ?? DBNull.Value;
                parameters[6].Value = envelope.Depth;
                parameters[7].Value = envelope.Data.GetRawText();
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var prune = connection.CreateCommand();
            prune.Transaction = transaction;
            prune.CommandText = "DELETE FROM events WHERE rowid <= (SELECT max(rowid) FROM events) - $keep";
            prune.Parameters.AddWithValue("$keep", keep);
            await prune.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
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
