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
        if (completed && emitted is not null)
        {
            lock (record)
            {
                record.Add(emitted);
            }
        }

        return completed;
    }

    public Task ReleaseAsync(ReactionClaim claim, CancellationToken cancellationToken) =>
        inner.ReleaseAsync(claim, cancellationToken);
}
