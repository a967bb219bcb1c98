using EventReactor.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Metrics;

/// <summary>
/// <c>metrics.db</c> in the reactor's data folder: its own file, so that thousands of samples a second never queue
/// behind the reaction ledger in <c>reactor.db</c> (SQLite has one writer per file). Samples are re-sent by the
/// minion's outbox until confirmed, so NORMAL sync, which loses at most the last commit on power loss, is enough.
/// </summary>
internal sealed class MetricsDatabase(IOptions<ReactorOptions> options)
    : SqliteDatabase(Path.Combine(options.Value.DataPath, "metrics.db"), MetricsSchema.Migrations, SqliteSharing.Shared)
{
    /// <summary>
    /// Writes one transaction: the samples of <paramref name="sampled"/> into their tables, and <paramref name="documents"/>
    /// into the Elasticsearch outbox, trimmed to <paramref name="maxPending"/>. Returns how many documents the trim dropped.
    /// </summary>
    public Task<int> WriteBatchAsync(IReadOnlyList<ParsedEvent> sampled, IReadOnlyCollection<EcsDocument> documents, int maxPending, DateTimeOffset received, CancellationToken cancellationToken) =>
        WriteAsync(
            async connection =>
            {
                await using var transaction = connection.BeginTransaction();
                foreach (var parsed in sampled)
                {
                    if (parsed.Container is { } container)
                    {
                        await SqliteMetricsStore.InsertAsync(connection, transaction, parsed.Minion, container, received, cancellationToken);
                    }
                    else if (parsed.Host is { } host)
                    {
                        await SqliteMetricsStore.InsertAsync(connection, transaction, parsed.Minion, host, cancellationToken);
                    }
                }

                var dropped = 0;
                if (documents.Count > 0)
                {
                    await ElasticOutbox.AppendAsync(connection, transaction, documents, cancellationToken);
                    dropped = await ElasticOutbox.TrimAsync(connection, transaction, maxPending, cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                return dropped;
            },
            cancellationToken);

    /// <summary>Deletes samples older than <paramref name="before"/>; returns how many rows went.</summary>
    public Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        WriteAsync(connection => SqliteMetricsStore.PruneAsync(connection, before, cancellationToken), cancellationToken);

    /// <summary>The oldest documents waiting for Elasticsearch.</summary>
    public Task<IReadOnlyList<(long Seq, EcsDocument Document)>> ReadOutboxAsync(int limit, CancellationToken cancellationToken) =>
        ReadAsync(connection => ElasticOutbox.ReadAsync(connection, limit, cancellationToken), cancellationToken);

    /// <summary>Removes documents Elasticsearch took (or refused for good), in one transaction.</summary>
    public Task DeleteFromOutboxAsync(IReadOnlyCollection<long> sequences, CancellationToken cancellationToken) =>
        WriteAsync(
            async connection =>
            {
                await ElasticOutbox.DeleteAsync(connection, sequences, cancellationToken);
                return sequences.Count;
            },
            cancellationToken);

    public Task<long> CountOutboxAsync(CancellationToken cancellationToken) =>
        ReadAsync(connection => ElasticOutbox.CountAsync(connection, cancellationToken), cancellationToken);
}
