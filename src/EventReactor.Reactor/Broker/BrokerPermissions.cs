using System.Text.RegularExpressions;
using EventReactor.Contracts;
using EventReactor.Messaging;

namespace EventReactor.Reactor.Broker;

/// <summary>
/// What a minion's own broker user may do, as RabbitMQ permission patterns on the bus's vhost: least privilege, nothing
/// that names another minion. Its command queue <c>eventreactor.minion.&lt;id&gt;</c> and the exchange MassTransit binds to
/// it share that name, so one name covers configure, read and the bind's write.
/// </summary>
internal static class BrokerPermissions
{
    public const string UserPrefix = "minion-";

    /// <summary>Matches no name: RabbitMQ's way of granting nothing.</summary>
    public const string Nothing = "^$";

    /// <summary>The broker user of minion <paramref name="minion"/>.</summary>
    public static string User(string minion) => UserPrefix + minion;

    /// <summary>Declaring only its own command queue and the exchange of the same name.</summary>
    public static string Configure(string minion) => $"^{Regex.Escape(MinionCommand.QueueName(minion))}$";

    /// <summary>Publishing only to the events ingress, and binding its own queue to its own exchange.</summary>
    public static string Write(string minion) => $"^({Regex.Escape(EventBusNames.EventsExchange)}|{Regex.Escape(MinionCommand.QueueName(minion))})$";

    /// <summary>Consuming only its own command queue (and, for the bind, reading its own exchange).</summary>
    public static string Read(string minion) => $"^{Regex.Escape(MinionCommand.QueueName(minion))}$";

    /// <summary>
    /// The routing keys it may publish on <see cref="EventBusNames.EventsExchange"/>: the tags a minion publishes, for its
    /// own id only: <c>minion/&lt;id&gt;/...</c> and the job return <c>job/&lt;jid&gt;/ret/&lt;id&gt;</c>, as <see cref="RoutingKeys"/> writes them.
    /// </summary>
    public static string TopicWrite(string minion)
    {
        var id = Regex.Escape(RoutingKeys.FromTag(minion));
        return $"^(minion\\.{id}\\..+|job\\.[^.]+\\.ret\\.{id})$";
    }
}
