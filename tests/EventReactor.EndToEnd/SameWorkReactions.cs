namespace EventReactor.EndToEnd;

/// <summary>Where the same-work reference publishes its reactions (see <see cref="SameWorkReference"/>).</summary>
internal enum SameWorkReactions
{
    /// <summary>To a durable queue: the broker stores each reaction.</summary>
    Stored,

    /// <summary>To a routing key no queue binds: the broker confirms without storing.</summary>
    Unrouted,
}
