using EventReactor.Contracts;
using Microsoft.Data.Sqlite;

namespace EventReactor.Reactor.Journal;

/// <summary>The journal's rows in SQLite, written inside the audit's transaction (<see cref="Audit.SqliteAuditStore"/>).</summary>
internal static class SqliteJournalRows
{
    public static async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<EventEnvelope> events, CancellationToken cancellationToken)
    {
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
    }
}
