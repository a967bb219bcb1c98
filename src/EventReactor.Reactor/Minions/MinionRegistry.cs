using System.Collections.Concurrent;
using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Contracts.Minions;
using EventReactor.Reactor.Processing;
using EventReactor.Reactor.State;

namespace EventReactor.Reactor.Minions;

/// <summary>
/// The minions the reactor has heard from, kept in memory for targeting and in SQLite across restarts. Any
/// <c>minion/&lt;id&gt;/...</c> event proves a minion present; <c>inventory</c> carries its grains, <c>heartbeat</c> its interval, and
/// <c>stop</c> (a graceful shutdown) marks it lost at once. After a stop only the next <c>start</c> brings it back: the
/// goodbye goes straight to the bus, so its last outbox events (a final metrics batch) may arrive after it.
/// </summary>
internal sealed class MinionRegistry(ReactorDatabase database, TimeProvider time) : IMinionStore, IEventObserver
{
    private const double DefaultHeartbeatSeconds = 10;

    // last_seen is written at most this often per minion; presence changes are written at once.
    private static readonly TimeSpan PersistEvery = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, MinionRecord> _minions = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _arrived = new();
    private readonly ConcurrentQueue<string> _departed = new();

    // Event times of each minion's last start and its goodbye, to tell a stopped session's stragglers from a new session.
    private readonly Dictionary<string, (DateTimeOffset Started, DateTimeOffset? Stopped)> _sessions = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _loadLock = new(1, 1);
    private readonly Lock _update = new();
    private volatile bool _loaded;

    public async Task<IReadOnlyList<MinionRecord>> ListAsync(CancellationToken cancellationToken)
    {
        await EnsureLoadedAsync(cancellationToken);
        return _minions.Values.OrderBy(m => m.Id, StringComparer.Ordinal).ToList();
    }

    public async Task<MinionRecord?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await EnsureLoadedAsync(cancellationToken);
        return _minions.GetValueOrDefault(id);
    }

    public async Task ObserveAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        if (!MinionTags.TryParse(envelope.Tag, out var tag))
        {
            return;
        }

        await EnsureLoadedAsync(cancellationToken);
        var now = time.GetUtcNow();
        var id = tag.Minion;
        var kind = tag.Kind;
        MinionRecord? known;
        MinionRecord record;

        // Events of one minion are consumed concurrently (start and inventory arrive together): each change is a
        // read-modify-write of the whole record, so it happens under a lock or one would undo the other's grains.
        lock (_update)
        {
            known = _minions.GetValueOrDefault(id);
            var session = _sessions.GetValueOrDefault(id);
            if (kind == MinionEventKind.Start)
            {
                _sessions[id] = (envelope.Time, null);
            }
            else if (session.Stopped is not null && kind != MinionEventKind.Stop)
            {
                return; // left over from the session that said goodbye; its rules still ran, presence stays as it is
            }

            if (kind == MinionEventKind.Stop)
            {
                // A goodbye older than the latest start belongs to an earlier session, consumed late.
                if (envelope.Time < session.Started)
                {
                    return;
                }

                _sessions[id] = (session.Started, envelope.Time);

                // A graceful goodbye: lost at once rather than after three missed heartbeats.
                if (known is not { Present: true })
                {
                    return;
                }

                record = known with { LastSeen = now, Present = false };
                _minions[id] = record;
                _departed.Enqueue(id);
            }
            else
            {
                record = (known ?? new MinionRecord(id, now, now, false, DefaultHeartbeatSeconds, null)) with
                {
                    LastSeen = now,
                    Present = true,
                };
                record = record with
                {
                    HeartbeatSeconds = HeartbeatSecondsOf(envelope, kind) is > 0 and var seconds ? seconds : record.HeartbeatSeconds,
                    Grains = kind == MinionEventKind.Inventory ? envelope.Data.Clone() : record.Grains,
                };
                _minions[id] = record;
                if (known is not { Present: true })
                {
                    _arrived.Enqueue(id);
                }
            }
        }

        if (kind == MinionEventKind.Stop || known is null || !known.Present || kind is MinionEventKind.Inventory or MinionEventKind.Start || now - known.LastSeen > PersistEvery)
        {
            await SaveAsync(id, cancellationToken);
        }
    }

    // start and heartbeat carry the minion's heartbeat interval.
    private static double? HeartbeatSecondsOf(EventEnvelope envelope, MinionEventKind kind) => kind switch
    {
        MinionEventKind.Start => envelope.DataAs<MinionStarted>()?.IntervalSeconds,
        MinionEventKind.Heartbeat => envelope.DataAs<HeartbeatSent>()?.IntervalSeconds,
        _ => null,
    };

    /// <summary>Minions that became present since the last call, and those silent for three heartbeats, now marked lost.</summary>
    public async Task<(IReadOnlyList<string> Arrived, IReadOnlyList<string> Lost)> SweepAsync(CancellationToken cancellationToken)
    {
        await EnsureLoadedAsync(cancellationToken);
        var arrived = new List<string>();
        while (_arrived.TryDequeue(out var id))
        {
            arrived.Add(id);
        }

        var now = time.GetUtcNow();
        var lost = new List<string>();
        while (_departed.TryDequeue(out var id))
        {
            lost.Add(id);
        }

        var silent = new List<string>();
        lock (_update)
        {
            foreach (var record in _minions.Values)
            {
                if (record.Present && now - record.LastSeen > TimeSpan.FromSeconds(3 * record.HeartbeatSeconds))
                {
                    _minions[record.Id] = record with { Present = false };
                    silent.Add(record.Id);
                }
            }
        }

        foreach (var id in silent)
        {
            lost.Add(id);
            await SaveAsync(id, cancellationToken);
        }

        return (arrived.Distinct().Where(id => _minions.GetValueOrDefault(id)?.Present == true).Order(StringComparer.Ordinal).ToList(), lost.Distinct().Where(id => _minions.GetValueOrDefault(id)?.Present == false).Order(StringComparer.Ordinal).ToList());
    }

    // Writes the record as it is when the write runs, so that saves finishing out of order never store an older state.
    private Task SaveAsync(string id, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            var record = _minions[id];
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO minions (id, first_seen, last_seen, present, heartbeat_seconds, grains) VALUES ($id, $first, $last, $present, $heartbeat, $grains)
                ON CONFLICT (id) DO UPDATE SET last_seen = $last, present = $present, heartbeat_seconds = $heartbeat, grains = $grains
                """;
            command.Parameters.AddWithValue("$id", record.Id);
            command.Parameters.AddWithValue("$first", record.FirstSeen.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$last", record.LastSeen.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$present", record.Present ? 1 : 0);
            command.Parameters.AddWithValue("$heartbeat", record.HeartbeatSeconds);
            command.Parameters.AddWithValue("$grains", record.Grains is { } grains ? grains.GetRawText() : DBNull.Value);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    private async Task EnsureLoadedAsync(CancellationToken cancellationToken)
    {
        if (_loaded)
        {
            return;
        }

        await _loadLock.WaitAsync(cancellationToken);
        try
        {
            if (_loaded)
            {
                return;
            }

            await using var connection = await database.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT id, first_seen, last_seen, present, heartbeat_seconds, grains FROM minions";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetString(0);
                _minions.TryAdd(id, new MinionRecord(
                    id,
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                    reader.GetInt64(3) == 1,
                    reader.GetDouble(4),
                    reader.IsDBNull(5) ? null : JsonDocument.Parse(reader.GetString(5)).RootElement.Clone()));
            }

            _loaded = true;
        }
        finally
        {
            _loadLock.Release();
        }
    }
}
