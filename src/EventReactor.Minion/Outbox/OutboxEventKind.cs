namespace EventReactor.Minion.Outbox;

/// <summary>What an outbox entry is, which decides what goes first when the outbox is full.</summary>
internal enum OutboxEventKind
{
    /// <summary>Container lifecycle and everything else: never dropped.</summary>
    Lifecycle = 0,

    /// <summary>A metric batch (tag contains <c>/metrics</c>): dropped first when the outbox is full.</summary>
    Metrics = 1,
}
