using System.Text.Json;
using System.Threading.Channels;
using EventReactor.Reactor.State;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;

namespace EventReactor.Reactor.Audit;

/// <summary>
/// Audit records go to a queue and are written in batches by a background loop, so that auditing costs the event
/// path almost nothing. A query first waits for what was queued before it.
/// </summary>
internal sealed class SqliteAuditLog(ReactorDatabase database) : BackgroundService, IAuditLog
{
    private const int MaxBatch = 512;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly List<object> _interrupted = [];
    private readonly Channel<object> _queue = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });

    public void Record(AuditRecord record) => _queue.Writer.TryWrite(record);

    public async Task<IReadOnlyList<AuditRecord>> ForEventAsync(string eventId, CancellationToken cancellationToken)
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Writer.TryWrite(flushed);
        await flushed.Task.WaitAsync(cancellationToken);

        return await QueryAsync("WHERE event_id = $event ORDER BY id", ("$event", eventId), cancellationToken);
    }

    public async Task<IReadOnlyList<AuditRecord>> RecentProblemsAsync(int limit, CancellationToken cancellationToken) =>
        await QueryAsync("WHERE outcome IN ('failed', 'condition-error') ORDER BY id DESC LIMIT $limit", ("$limit", limit), cancellationToken);

    private async Task<IReadOnlyList<AuditRecord>> QueryAsync(string where, (string Name, object? Value) parameter, CancellationToken cancellationToken) =>
        await database.QueryAsync($"SELECT event_id, event_tag, rule, location, outcome, detail, actions, at, duration_us FROM audit {where}", ReadRecord, cancellationToken, parameter);

    private static AuditRecord ReadRecord(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        reader.IsDBNull(5) ? null : reader.GetString(5),
        JsonSerializer.Deserialize<List<ActionAudit>>(reader.GetString(6), Json) ?? [],
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
        reader.GetInt64(8) / 1000.0);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);

        // Write what is still queued: an audit that loses its last records explains nothing. The loop has ended (or,
        // stopped right after start, never ran), so this is the only writer now.
        var rest = new List<object>(_interrupted);
        while (_queue.Reader.TryRead(out var item))
        {
            rest.Add(item);
        }

        await WriteAsync(rest, CancellationToken.None);
    }

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
            // A batch cut short by the stop goes back first, so StopAsync writes it in order.
            foreach (var item in batch)
            {
                _interrupted.Add(item);
            }
        }
    }

    private async Task WriteAsync(List<object> batch, CancellationToken cancellationToken)
    {
        var records = batch.OfType<AuditRecord>().ToList();
        if (records.Count > 0)
        {
            await database.WriteAsync(async connection =>
            {
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    INSERT INTO audit (event_id, event_tag, rule, location, outcome, detail, actions, at, duration_us)
                    VALUES ($event, $tag, $rule, $location, $outcome, $detail, $actions, $at, $duration)
                    """;
                var parameters = new[] { "$event", "$tag", "$rule", "$location", "$outcome", "$detail", "$actions", "$at", "$duration" }
                    .Select(name => command.Parameters.Add(name, SqliteType.Text))
                    .ToArray();
                foreach (var record in records)
                {
                    parameters[0].Value = record.EventId;
                    parameters[1].Value = record.EventTag;
                    parameters[2].Value = record.Rule;
                    parameters[3].Value = record.Location;
                    parameters[4].Value = record.Outcome;
                    parameters[5].Value = (object?)record.Detail ?? DBNull.Value;
                    parameters[6].Value = JsonSerializer.Serialize(record.Actions, Json);
                    parameters[7].Value = record.At.ToUnixTimeMilliseconds();
                    parameters[8].Value = (long)(record.DurationMs * 1000);
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                return true;
            }, cancellationToken);
        }

        foreach (var flushed in batch.OfType<TaskCompletionSource>())
        {
            flushed.TrySetResult();
        }
    }
}
