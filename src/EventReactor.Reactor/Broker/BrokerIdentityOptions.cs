namespace EventReactor.Reactor.Broker;

/// <summary>
/// Per-minion broker users (section <c>Reactor:BrokerIdentity</c>): each accepted minion gets its own RabbitMQ user with
/// least-privilege permissions, and an event that speaks for a minion is acted on only when that minion's user sent it.
/// The reactor manages the users with its own bus credentials (the user in <c>Bus:Url</c>), which must be an administrator.
/// </summary>
public sealed class BrokerIdentityOptions
{
    public const string Section = "Reactor:BrokerIdentity";

    /// <summary>Off by default: <c>up</c> and the in-memory bus have no broker users.</summary>
    public bool Enabled { get; set; }

    /// <summary>RabbitMQ's management HTTP API (plugin <c>rabbitmq_management</c>).</summary>
    public string ManagementUrl { get; set; } = "http://127.0.0.1:15672";
}
