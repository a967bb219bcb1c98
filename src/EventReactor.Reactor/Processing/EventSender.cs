namespace EventReactor.Reactor.Processing;

/// <summary>
/// Who handed the reactor an event: its own outbox (what it emitted itself), or a bus delivery with the broker user that
/// published it, the <c>user_id</c> RabbitMQ validated (null when the message carried none).
/// </summary>
internal sealed record EventSender(bool IsReactor, string? BrokerUser)
{
    public static EventSender Reactor { get; } = new(true, null);

    public static EventSender FromBus(string? brokerUser) => new(false, brokerUser);
}
