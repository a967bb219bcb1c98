using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace EventReactor.Reactor.Metrics;

/// <summary>
/// Documents waiting for Elasticsearch, in <c>metrics.db</c>: written in the same transaction as the samples and
/// deleted once Elasticsearch confirmed them, so nothing is lost while it is down or the reactor restarts.
/// </summary>
internal static class ElasticOutbox
{
    public static async Task AppendAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyCollection<EcsDocument> documents, CancellationToken cancellationToken)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO es_outbox (data_stream, doc_id, document) VALUES ($stream, $id, $document)";
        var stream = insert.Parameters.Add("$stream", SqliteType.Text);
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var document = insert.Parameters.Add("$document", SqliteType.Text);
        insert.Prepare();
        foreach (var doc in documents)
        {
            stream.Value = doc.DataStream;
            id.Value = doc.Id;
            document.Value = doc.Body.ToJsonString();
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Drops the oldest documents beyond <paramref name="maxPending"/>; returns how many went.</summary>
    public static async Task<int> TrimAsync(SqliteConnection connection, SqliteTransaction transaction, int maxPending, CancellationToken cancellationToken)
    {
        await using var trim = connection.CreateCommand();
        trim.Transaction = transaction;
        trim.CommandText = "DELETE FROM es_outbox WHERE seq <= (SELECT max(seq) FROM es_outbox) - $max";
        trim.Parameters.AddWithValue("$max", maxPending);
        return await trim.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<IReadOnlyList<(long Seq, EcsDocument Document)>> ReadAsync(SqliteConnection connection, int limit, CancellationToken cancellationToken)
    {
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT seq, data_stream, doc_id, document FROM es_outbox ORDER BY seq LIMIT $limit";
        select.Parameters.AddWithValue("$limit", limit);
        var documents = new List<(long, EcsDocument)>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            documents.Add((reader.GetInt64(0), new EcsDocument(reader.GetString(1), reader.GetString(2), (JsonObject)JsonNode.Parse(reader.GetString(3))!)));
        }

        return documents;
    }

    public static async Task DeleteAsync(SqliteConnection connection, IReadOnlyCollection<long> sequences, CancellationToken cancellationToken)
    {
        if (sequences.Count == 0)
        {
            return;
        }

        await using var transaction = connection.BeginTransaction();
        await using var delete = connection.CreateCommand();
        delete.Transaction = transaction;
        delete.CommandText = "DELETE FROM es_outbox WHERE seq = $seq";
        var seq = delete.Parameters.Add("$seq", SqliteType.Integer);
        foreach (var value in sequences)
        {
            seq.Value = value;
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public static async Task<long> CountAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM es_outbox";
        return (long)(await count.ExecuteScalarAsync(cancellationToken))!;
    }
}
