namespace EventReactor.Minion;

/// <summary>Keys of the minion's keyed services.</summary>
internal static class MinionServiceKeys
{
    /// <summary>The <see cref="Messaging.IEventPublisher"/> that stores in the outbox; the plain one publishes to the bus directly.</summary>
    public const string Outbox = "minion-outbox";
}
