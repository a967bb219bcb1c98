using EventReactor.Contracts;
using EventReactor.Minion.Storage;
using EventReactor.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace EventReactor.Minion.Outbox;

/// <summary>
/// The outbox table: events in the order they were stored, removed once the broker has confirmed them.
/// Bounded: when full, the oldest metric batches make room, then new metric batches are refused; lifecycle events
/// are always stored, even past the bound.
/// </summary>
internal sealed class OutboxStore(MinionDatabase database, int maxEvents)
{
    private long _count = -1;

    // Prepared once and reused under the database's write gate: the minion stores events one at a time, and parsing the
    // statement again for each was a visible share of its CPU (issue #8).
    private SqliteCommand? _insert;
    private SqliteCommand? _select;
    private SqliteCommand? _delete;

    // Confirmed by the broker, not yet deleted: removed in the next append's transaction or by DeleteConfirmed, so
    // that a minion storing events one at a time pays one commit per event, not two. A crash before that only means
    // those events are published again, with their ids (at-least-once).
    private List<long> _confirmed = [];

    /// <summary>How many confirmed events wait to be deleted.</summary>
    public int ConfirmedCount
    {
        get
        {
            using (var scope = database.EnterWrite())
            {
                return _confirmed.Count;
            }
        }
    }

    public long Count
    {
        get
        {
            using (var scope = database.EnterWrite())
            {
                return EnsureCount(scope.Connection);
            }
        }
    }

    public static OutboxEventKind KindOf(string tag) =>
        tag.Contains("/metrics", StringComparison.Ordinal) ? OutboxEventKind.Metrics : OutboxEventKind.Lifecycle;

    /// <summary>Stores the events in one transaction; an event whose id is already stored is not stored again.</summary>
    public OutboxAppendResult Append(IReadOnlyList<EventEnvelope> envelopes)
    {
        using (var scope = database.EnterWrite())
        {
            var count = EnsureCount(scope.Connection);
            using var transaction = scope.Connection.BeginTransaction();
            count -= DeleteRows(scope.Connection, transaction, _confirmed);
            var dropped = 0;
            var overBound = false;
            var stored = 0;
            var insert = _insert ??= scope.Connection.Prepare(
                "INSERT OR IGNORE INTO outbox (id, tag, kind, json) VALUES ($id, $tag, $kind, $json)",
                ("$id", SqliteType.Text),
                ("$tag", SqliteType.Text),
                ("$kind", SqliteType.Integer),
                ("$json", SqliteType.Text));
            insert.Transaction = transaction;
            var (id, tag, kind, json) = (insert.Parameters[0], insert.Parameters[1], insert.Parameters[2], insert.Parameters[3]);
            foreach (var envelope in envelopes)
            {
                var eventKind = KindOf(envelope.Tag);
                if (count >= maxEvents)
                {
                    var freed = DropOldestMetrics(scope.Connection, transaction);
                    dropped += freed;
                    count -= freed;
                    if (count >= maxEvents)
                    {
                        overBound = true;
                        if (eventKind == OutboxEventKind.Metrics)
                        {
                            dropped++;
                            continue;
                        }
                    }
                }

                id.Value = envelope.Id;
                tag.Value = envelope.Tag;
                kind.Value = (int)eventKind;
                json.Value = CloudEventJson.Serialize(envelope);
                var inserted = insert.ExecuteNonQuery();
                count += inserted;
                stored += inserted;
            }

            transaction.Commit();
            _count = count;
            _confirmed = [];
            return new OutboxAppendResult(stored, dropped, overBound);
        }
    }

    /// <summary>The oldest stored events after <paramref name="afterSequence"/>, in order.</summary>
    public IReadOnlyList<OutboxEntry> ReadAfter(long afterSequence, int limit)
    {
        using (var scope = database.EnterWrite())
        {
            var select = _select ??= scope.Connection.Prepare(
                "SELECT seq, id, tag, json FROM outbox WHERE seq > $after ORDER BY seq LIMIT $limit",
                ("$after", SqliteType.Integer),
                ("$limit", SqliteType.Integer));
            select.Parameters[0].Value = afterSequence;
            select.Parameters[1].Value = limit;
            using var reader = select.ExecuteReader();
            var entries = new List<OutboxEntry>();
            while (reader.Read())
            {
                // The stored text as its UTF-8 bytes: published as it is, never parsed on the way out.
                entries.Add(new OutboxEntry(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<byte[]>(3)));
            }

            return entries;
        }
    }

    /// <summary>Removes confirmed events in one transaction.</summary>
    public void Delete(IReadOnlyCollection<long> sequences)
    {
        using (var scope = database.EnterWrite())
        {
            var count = EnsureCount(scope.Connection);
            using var transaction = scope.Connection.BeginTransaction();
            count -= DeleteRows(scope.Connection, transaction, sequences);
            transaction.Commit();
            _count = count;
        }
    }

    /// <summary>Notes events the broker confirmed; they are deleted with the next append or <see cref="DeleteConfirmed"/>.</summary>
    public void MarkConfirmed(IEnumerable<long> sequences)
    {
        using (var scope = database.EnterWrite())
        {
            _confirmed.AddRange(sequences);
        }
    }

    /// <summary>Deletes the events noted by <see cref="MarkConfirmed"/> now, in one transaction.</summary>
    public void DeleteConfirmed()
    {
        using (var scope = database.EnterWrite())
        {
            if (_confirmed.Count > 0)
            {
                var count = EnsureCount(scope.Connection);
                using var transaction = scope.Connection.BeginTransaction();
                count -= DeleteRows(scope.Connection, transaction, _confirmed);
                transaction.Commit();
                _count = count;
                _confirmed = [];
            }
        }
    }

    private int DeleteRows(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyCollection<long> sequences)
    {
        if (sequences.Count == 0)
        {
            return 0;
        }

        var delete = _delete ??= connection.Prepare("DELETE FROM outbox WHERE seq = $seq", ("$seq", SqliteType.Integer));
        delete.Transaction = transaction;
        var seq = delete.Parameters[0];
        var deleted = 0;
        foreach (var sequence in sequences)
        {
            seq.Value = sequence;
            deleted += delete.ExecuteNonQuery();
        }

        return deleted;
    }


    // Frees a tenth of the bound (at least one) from the oldest metric batches, so a full outbox is not rescanned per event.
    private int DropOldestMetrics(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var delete = connection.CreateCommand();
        delete.Transaction = transaction;
        delete.CommandText = "DELETE FROM outbox WHERE seq IN (SELECT seq FROM outbox WHERE kind = $kind ORDER BY seq LIMIT $limit)";
        delete.Parameters.AddWithValue("$kind", (int)OutboxEventKind.Metrics);
        delete.Parameters.AddWithValue("$limit", Math.Max(1, maxEvents / 10));
        return delete.ExecuteNonQuery();
    }

    private long EnsureCount(SqliteConnection connection)
    {
        if (_count < 0)
        {
            using var select = connection.CreateCommand();
            select.CommandText = "SELECT COUNT(*) FROM outbox";
            _count = (long)select.ExecuteScalar()!;
        }

        return _count;
    }
}
