namespace EventReactor.Reactor.Benchmarks;

/// <summary>
/// The measured values of every finished host, parsed once and kept until the store next writes what they are read
/// from. Reading them all (10,000 repetitions with their JSON values for 1,000 runs) took most of a compare page's time,
/// and they change only when a repetition or a host is written. A version bumped after each such write, rather than a
/// stamp queried from the database, is enough because one reactor's store is the only writer of its benchmark tables;
/// a store shared by several reactors must not use this.
/// </summary>
internal sealed class MeasuredValuesCache
{
    private readonly Lock _gate = new();
    private long _version;
    private IReadOnlyList<MeasuredValues>? _cached;

    /// <summary>Changes on every <see cref="Invalidate"/>: equal versions, equal values.</summary>
    public long Version
    {
        get
        {
            lock (_gate)
            {
                return _version;
            }
        }
    }

    /// <summary>Called after a write has committed, so that a read begun before it cannot keep its result.</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _version++;
            _cached = null;
        }
    }

    /// <summary>The cached values, or the loaded ones, kept unless a write ended while they loaded.</summary>
    public async Task<IReadOnlyList<MeasuredValues>> GetOrLoadAsync(Func<Task<IReadOnlyList<MeasuredValues>>> load)
    {
        long version;
        lock (_gate)
        {
            if (_cached is { } cached)
            {
                return cached;
            }

            version = _version;
        }

        var values = await load();
        lock (_gate)
        {
            if (_version == version)
            {
                _cached = values;
            }
        }

        return values;
    }
}
