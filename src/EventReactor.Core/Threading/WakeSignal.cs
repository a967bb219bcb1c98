namespace EventReactor.Core.Threading;

/// <summary>Wakes a background loop early; many signals while it works collapse into one wake-up.</summary>
public abstract class WakeSignal
{
    private readonly SemaphoreSlim _signalled = new(0, 1);

    public void Notify()
    {
        try
        {
            _signalled.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one wake-up covers both.
        }
    }

    /// <summary>True when signalled, false when the timeout passed first.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signalled.WaitAsync(timeout, cancellationToken);
}
