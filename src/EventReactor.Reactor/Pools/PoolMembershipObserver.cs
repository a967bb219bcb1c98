using EventReactor.Contracts.Minions;
using EventReactor.Contracts;
using EventReactor.Reactor.Processing;

namespace EventReactor.Reactor.Pools;

/// <summary>Nudges the reconciler when membership may change: a minion's grains, start or goodbye.</summary>
internal sealed class PoolMembershipObserver(PoolSignal signal) : IEventObserver
{
    public Task ObserveAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        if (MinionTags.TryParse(envelope.Tag, out var tag) && tag.Kind is MinionEventKind.Inventory or MinionEventKind.Start or MinionEventKind.Stop)
        {
            signal.Notify();
        }

        return Task.CompletedTask;
    }
}
