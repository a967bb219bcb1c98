using EventReactor.Contracts;
using EventReactor.Reactor.Reactions;

namespace EventReactor.Reactor.Tests;

/// <summary>The real ledger, also noting in <paramref name="record"/> each event a completion stored for the outbox.</summary>
internal sealed class EmissionRecordingLedger(IReactionLedger inner, List<EventEnvelope> record) : IReactionLedger
{
    public Task<bool> TryClaimAsync(string eventId, string rule, int actionIndex, CancellationToken cancellationToken) =>
        inner.TryClaimAsync(eventId, rule, actionIndex, cancellationToken);

    public async Task CompleteAsync(string eventId, string rule, int actionIndex, bool succeeded, EventEnvelope? emitted, CancellationToken cancellationToken)
    {
        await inner.CompleteAsync(eventId, rule, actionIndex, succeeded, emitted, cancellationToken);
        if (emitted is not null)
        {
            lock (record)
            {
                record.Add(emitted);
            }
        }
    }

    public Task ReleaseAsync(string eventId, string rule, int actionIndex, CancellationToken cancellationToken) =>
        inner.ReleaseAsync(eventId, rule, actionIndex, cancellationToken);
}
