namespace EventReactor.Reactor.Outbox;

/// <summary>
/// Wakes the outbox's evaluator and publisher once an emitted event is committed; pulses while one is busy fold into
/// one, as each reads everything stored since its last read.
/// </summary>
internal sealed class OutboxSignal
{
    private readonly SemaphoreSlim _evaluate = new(0, 1);
    private readonly SemaphoreSlim _publish = new(0, 1);

    public void Notify()
    {
        Pulse(_evaluate);
        Pulse(_publish);
    }

    public Task WaitToEvaluateAsync(TimeSpan timeout, CancellationToken cancellationToken) => _evaluate.WaitAsync(timeout, cancellationToken);

    public Task WaitToPublishAsync(TimeSpan timeout, CancellationToken cancellationToken) => _publish.WaitAsync(timeout, cancellationToken);

    private static void Pulse(SemaphoreSlim semaphore)
    {
        try
        {
            semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: the next read takes this event too.
        }
    }
}
