using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace EventReactor.Messaging;

/// <summary>
/// Declares the event exchanges, the same way from every process that publishes (minion, reactor), so that any may
/// come first: <see cref="EventBusNames.EventsExchange"/> and <see cref="EventBusNames.AllExchange"/> as durable topic
/// exchanges, the first bound into the second with <c>#</c>.
/// </summary>
public static class BusTopology
{
    private const ushort PreconditionFailed = 406;

    /// <summary>Declares both exchanges and their binding; throws <see cref="BusTopologyException"/> when one exists with another type.</summary>
    public static async Task DeclareEventExchangesAsync(IChannel channel, CancellationToken cancellationToken)
    {
        await DeclareTopicAsync(channel, EventBusNames.EventsExchange, cancellationToken);
        await DeclareTopicAsync(channel, EventBusNames.AllExchange, cancellationToken);
        await channel.ExchangeBindAsync(EventBusNames.AllExchange, EventBusNames.EventsExchange, EventBusNames.EveryKey, cancellationToken: cancellationToken);
    }

    private static async Task DeclareTopicAsync(IChannel channel, string name, CancellationToken cancellationToken)
    {
        try
        {
            await channel.ExchangeDeclareAsync(name, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == PreconditionFailed)
        {
            // Versions before the topic topology declared eventreactor.events as a fanout; the broker refuses to change a type.
            throw new BusTopologyException(
                $"the exchange '{name}' exists on the broker with another type than topic (a fanout from an older EventReactor); "
                + $"delete it once, e.g. `rabbitmqadmin --vhost=<vhost> delete exchange name={name}`, and start again: it is declared anew as a topic exchange "
                + "and the reactor binds its queue to it (see docs/events.md, Upgrading)",
                ex);
        }
    }
}
