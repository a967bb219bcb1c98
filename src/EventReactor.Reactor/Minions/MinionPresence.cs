using System.Collections.Concurrent;
using EventReactor.Contracts;
using EventReactor.Contracts.Minions;
using EventReactor.Reactor.Processing;

namespace EventReactor.Reactor.Minions;

/// <summary>
/// Whether each minion the reactor has heard from is present: a state machine over the cached minions. Any
/// <c>minion/&lt;id&gt;/...</c> event proves a minion present; <c>inventory</c> carries its grains, <c>heartbeat</c> its interval, and
/// <c>stop</c> (a graceful shutdown) marks it lost at once. After a stop only the next <c>start</c> brings it back: the
/// goodbye goes straight to the bus, so its last outbox events (a final metrics batch) may arrive after it.
/// </summary>
internal sealed class MinionPresence(MinionCache minions, TimeProvider time) : IEventObserver
{
    private const double DefaultHeartbeatSeconds = 10;

    // last_seen is written at most this often per minion; presence changes are written at once.
    private static readonly TimeSpan PersistEvery = TimeSpan.FromSeconds(5);
    private readonly ConcurrentQueue<string> _arrived = new();
    private readonly ConcurrentQueue<string> _departed = new();

    // Event times of each minion's last start and its goodbye, to tell a stopped session's stragglers from a new session.
    private readonly Dictionary<string, (DateTimeOffset Started, DateTimeOffset? Stopped)> _sessions = new(StringComparer.Ordinal);
    private readonly Lock _update = new();

    public async Task ObserveAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        if (!MinionTags.TryParse(envelope.Tag, out var tag))
        {
            return;
        }

        await minions.EnsureLoadedAsync(cancellationToken);
        var now = time.GetUtcNow();
        var id = tag.Minion;
        var kind = tag.Kind;
        MinionRecord? known;
        MinionRecord record;

        // Events of one minion are consumed concurrently (start and inventory arrive together): each change is a
        // read-modify-write of the whole record, so it happens under a lock or one would undo the other's grains.
        lock (_update)
        {
            known = minions.Get(id);
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
                minions.Set(record);
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
                minions.Set(record);
                if (known is not { Present: true })
                {
                    _arrived.Enqueue(id);
                }
            }
        }

        if (kind == MinionEventKind.Stop || known is null || !known.Present || kind is MinionEventKind.Inventory or MinionEventKind.Start || now - known.LastSeen > PersistEvery)
        {
            await minions.PersistAsync(id, cancellationToken);
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
        await minions.EnsureLoadedAsync(cancellationToken);
        var stored = await minions.ReadStoredAsync(cancellationToken);
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
            // Events are partitioned by minion over the reactors, and each writes the minions it hears from (last_seen at
            // least every PersistEvery): take what another reactor saw more recently than this one before judging, so a
            // minion heard elsewhere is neither marked lost here nor missed when it arrives or says goodbye there.
            foreach (var record in stored)
            {
                var known = minions.Get(record.Id);
                if (known is not null && record.LastSeen <= known.LastSeen)
                {
                    continue;
                }

                minions.Set(known is null ? record : record with { FirstSeen = known.FirstSeen < record.FirstSeen ? known.FirstSeen : record.FirstSeen });
                if (record.Present && known is not { Present: true })
                {
                    arrived.Add(record.Id);
                }
                else if (!record.Present && known is { Present: true })
                {
                    lost.Add(record.Id);
                }
            }

            foreach (var record in minions.Current)
            {
                if (record.Present && now - record.LastSeen > TimeSpan.FromSeconds(3 * record.HeartbeatSeconds))
                {
                    minions.Set(record with { Present = false });
                    silent.Add(record.Id);
                }
            }
        }

        foreach (var id in silent)
        {
            lost.Add(id);
            await minions.PersistAsync(id, cancellationToken);
        }

        return (arrived.Distinct().Where(id => minions.Get(id)?.Present == true).Order(StringComparer.Ordinal).ToList(), lost.Distinct().Where(id => minions.Get(id)?.Present == false).Order(StringComparer.Ordinal).ToList());
    }
}
