using EventReactor.Contracts;
using EventReactor.Reactor.Reactions;

namespace EventReactor.Reactor.Tests;

/// <summary>The real ledger, also noting in <paramref name="record"/> each event a completion stored for the outbox.</summary>
internal sealed class EmissionRecordingLedger(IReactionLedger inner, List<EventEnvelope> record) : IReactionLedger
{
    public Task<ReactionClaim?> TryClaimAsync(string eventId, string rule, int actionIndex, CancellationToken cancellationToken) =>
        inner.TryClaimAsync(eventId, rule, actionIndex, cancellationToken);

    public async Task<bool> CompleteAsync(ReactionClaim claim, bool succeeded, EventEnvelope? emitted, CancellationToken cancellationToken)
    {
        var completed = await inner.CompleteAsync(claim, succeeded, emitted, cancellationToken);
        Note(completed, emitted);
        return completed;
    }

    public async Task<bool> RecordOnceAsync(string eventId, string rule, int actionIndex, bool succeeded, EventEnvelope? emitted, CancellationToken cancellationToken)
    {
        var recorded = await inner.RecordOnceAsync(eventId, rule, actionIndex, succeeded, emitted, cancellationToken);
        Note(recorded, emitted);
        return recorded;
    }

    public Task ReleaseAsync(ReactionClaim claim, CancellationToken cancellationToken) =>
        inner.ReleaseAsync(claim, cancellationToken);

    private void Note(bool stored, EventEnvelope? emitted)
    {
        if (stored && emitted is not null)
        {
            lock (record)
            {
                record.Add(emitted);
            }
        }
    }
}
