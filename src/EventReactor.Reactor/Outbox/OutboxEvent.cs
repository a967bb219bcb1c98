namespace EventReactor.Reactor.Outbox;

/// <summary>One stored event of the reactor's outbox: its place in emission order and its CloudEvents JSON.</summary>
public sealed record OutboxEvent(long Sequence, string Id, string Tag, ReadOnlyMemory<byte> Json);
