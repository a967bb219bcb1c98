namespace EventReactor.Reactor.Pools;

/// <summary>Wakes the pool reconciler early: a scale, an explicit add or remove, new grains or presence.</summary>
internal sealed class PoolSignal
{
    private readonly SemaphoreSlim _nudged = new(0, 1);

    public void Nudge()
    {
        try
        {
            _nudged.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already nudged; one wake-up covers both.
        }
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => await _nudged.WaitAsync(timeout, cancellationToken);
}
