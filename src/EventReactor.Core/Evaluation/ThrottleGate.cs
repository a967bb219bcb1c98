using System.Collections.Concurrent;

namespace EventReactor.Core.Evaluation;

/// <summary>Remembers when each (rule, key) last acted, in memory; a key may act again once its window has passed.</summary>
public sealed class ThrottleGate(TimeProvider time) : IThrottleGate
{
    private const int SweepEvery = 4096;
    private readonly ConcurrentDictionary<(string Rule, string Key), DateTimeOffset> _openAgainAt = new();
    private int _passes;

    public bool TryPass(string rule, string key, TimeSpan window)
    {
        var now = time.GetUtcNow();
        var entry = (rule, key);
        while (true)
        {
            if (!_openAgainAt.TryGetValue(entry, out var openAt))
            {
                if (_openAgainAt.TryAdd(entry, now + window))
                {
                    Sweep(now);
                    return true;
                }

                continue;
            }

            if (now < openAt)
            {
                return false;
            }

            if (_openAgainAt.TryUpdate(entry, now + window, openAt))
            {
                return true;
            }
        }
    }

    // Keys that have long been open again are forgotten, so memory follows the live keys only.
    private void Sweep(DateTimeOffset now)
    {
        if (Interlocked.Increment(ref _passes) % SweepEvery != 0)
        {
            return;
        }

        foreach (var (entry, openAt) in _openAgainAt)
        {
            if (openAt < now)
            {
                _openAgainAt.TryRemove(entry, out _);
            }
        }
    }
}
