using System.Threading.Channels;
using EventReactor.Contracts;
using EventReactor.Reactor.Processing;
using EventReactor.Reactor.State;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Ui.Events;

/// <summary>
/// Keeps the latest events the reactor saw (<c>Reactor:Ui:EventHistory</c>) so that the dashboard can show an event's
/// data and causation chain next to its audit. Like the audit, it writes in batches off the event path.
/// </summary>
internal sealed class EventJournal(ReactorDatabase database, IOptions<UiOptions> options) : BackgroundService, IEventObserver
{
    private const int MaxBatch = 512;
    private readonly Channel<object> _queue = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });

    public Task ObserveAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        _queue.Writer.TryWrite(envelope);
        return Task.CompletedTask;
    }

    public async Task<JournalEntry?> FindAsync(string id, CancellationToken cancellationToken)
    {
        // Wait for what was queued before: an event just seen must be found.
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Writer.TryWrite(flushed);
        await flushed.Task.WaitAsync(cancellationToken);
        return (await QueryAsync("WHERE id = $p LIMIT 1", id, cancellationToken)).FirstOrDefault();
    }

    public Task<IReadOnlyList<JournalEntry>> CausedByAsync(string id, CancellationToken cancellationToken) =>
        QueryAsync("WHERE caused_by = $p ORDER BY rowid LIMIT 200", id, cancellationToken);

    public Task<IReadOnlyList<JournalEntry>> RecentAsync(int limit, CancellationToken cancellationToken) =>
        QueryAsync("ORDER BY rowid DESC LIMIT $p", limit, cancellationToken);

    public Task<IReadOnlyList<JournalEntry>> RecentFromMinionAsync(string minion, int limit, CancellationToken cancellationToken) =>
        QueryAsync($"WHERE minion = $p ORDER BY rowid DESC LIMIT {limit}", minion, cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<object>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
                {
                    batch.Add(item);
                }

                await WriteAsync(batch, stoppingToken);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the journal is a convenience for the dashboard; the audit keeps what matters.
        }
    }

    private async Task WriteAsync(List<object> batch, CancellationToken cancellationToken)
    {
        var events = batch.OfType<EventEnvelope>().ToList();
        if (events.Count > 0)
        {
            await database.WriteAsync(async connection =>
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

                // Keep the newest EventHistory events; rowids grow with insertion.
                await using var prune = connection.CreateCommand();
                prune.Transaction = transaction;
                prune.CommandText = "DELETE FROM events WHERE rowid <= (SELECT max(rowid) FROM events) - $keep";
                prune.Parameters.AddWithValue("$keep", options.Value.EventHistory);
                await prune.ExecuteNonQueryAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return true;
            }, cancellationToken);
        }

        foreach (var flushed in batch.OfType<TaskCompletionSource>())
        {
            flushed.TrySetResult();
        }
    }

    private async Task<IReadOnlyList<JournalEntry>> QueryAsync(string where, object parameter, CancellationToken cancellationToken)
    {
        return await database.QueryAsync(
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
}
