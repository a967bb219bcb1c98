using EventReactor.Contracts;
using EventReactor.Reactor.Processing;

namespace EventReactor.Reactor.Pools;

/// <summary>Nudges the reconciler when membership may change: a minion's grains, start or goodbye.</summary>
internal sealed class PoolMembershipObserver(PoolSignal signal) : IEventObserver
{
    public Task ObserveAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        if (envelope.Tag.StartsWith("minion/", StringComparison.Ordinal)
            && (envelope.Tag.EndsWith("/inventory", StringComparison.Ordinal) || envelope.Tag.EndsWith("/start", StringComparison.Ordinal) || envelope.Tag.EndsWith("/stop", StringComparison.Ordinal)))
        {
            signal.Notify();
        }

        return Task.CompletedTask;
    }
}
