using System.Collections.Concurrent;

namespace EventReactor.Reactor.Minions;

/// <summary>
/// Every known minion in memory, loaded once from the durable store and written through to it: targeting reads minions
/// for every event, and must not query a database to do so.
/// </summary>
internal sealed class MinionCache(IMinionStore durable) : IMinionStore
{
    private readonly ConcurrentDictionary<string, MinionRecord> _minions = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _loadLock = new(1, 1);
    private readonly SemaphoreSlim _saveLock = new(1, 1);
    private volatile bool _loaded;

    /// <summary>The minions as they are now; for the presence state machine, which loads the cache first.</summary>
    public ICollection<MinionRecord> Current => _minions.Values;

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

    public async Task SaveAsync(MinionRecord minion, CancellationToken cancellationToken)
    {
        await EnsureLoadedAsync(cancellationToken);
        _minions.AddOrUpdate(minion.Id, minion, (_, known) => minion with { FirstSeen = known.FirstSeen });
        await PersistAsync(minion.Id, cancellationToken);
    }

    /// <summary>
    /// The minions as the durable store has them now, bypassing the cache: with several reactors each writes the minions
    /// whose events it handles, and the presence sweep must judge by all of them.
    /// </summary>
    public Task<IReadOnlyList<MinionRecord>> ReadStoredAsync(CancellationToken cancellationToken) => durable.ListAsync(cancellationToken);

    public MinionRecord? Get(string id) => _minions.GetValueOrDefault(id);

    /// <summary>Changes the minion in memory only; <see cref="PersistAsync"/> writes it.</summary>
    public void Set(MinionRecord minion) => _minions[minion.Id] = minion;

    /// <summary>
    /// Writes the minion as it is when the write runs, one write at a time, so that saves finishing out of order never
    /// store an older state.
    /// </summary>
    public async Task PersistAsync(string id, CancellationToken cancellationToken)
    {
        await _saveLock.WaitAsync(cancellationToken);
        try
        {
            await durable.SaveAsync(_minions[id], cancellationToken);
        }
        finally
        {
            _saveLock.Release();
        }
    }

    public async Task EnsureLoadedAsync(CancellationToken cancellationToken)
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

            foreach (var minion in await durable.ListAsync(cancellationToken))
            {
                _minions.TryAdd(minion.Id, minion);
            }

            _loaded = true;
        }
        finally
        {
            _loadLock.Release();
        }
    }
}
