using EventReactor.Contracts;

namespace EventReactor.Minion.Outbox;

/// <summary>One stored event, with its place in the outbox's order.</summary>
internal sealed record OutboxEntry(long Sequence, EventEnvelope Envelope);
