using EventReactor.Contracts;
using EventReactor.Messaging.Telemetry;
using EventReactor.Reactor.Leases;

namespace EventReactor.Reactor.Outbox;

/// <summary>Stores the event (with the trace it was emitted in) and wakes the outbox.</summary>
internal sealed class OutboxEventEmitter(IReactorOutbox outbox, OutboxSignal signal) : IEventEmitter
{
    public async Task EmitAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        await outbox.AddAsync(EventReactorTelemetry.Stamp(envelope), cancellationToken);
        signal.Notify();
    }

    public async Task EmitAsync(EventEnvelope envelope, LeaseToken fence, CancellationToken cancellationToken)
    {
        if (!await outbox.AddFencedAsync(EventReactorTelemetry.Stamp(envelope), fence, cancellationToken))
        {
            throw new LeaseLostException(fence);
        }

        signal.Notify();
    }
}
