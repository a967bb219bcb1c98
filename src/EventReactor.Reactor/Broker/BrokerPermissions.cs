using System.Text.RegularExpressions;
using EventReactor.Contracts;
using EventReactor.Messaging;

namespace EventReactor.Reactor.Broker;

/// <summary>
/// What a minion's own broker user may do, as RabbitMQ permission patterns on the bus's vhost: least privilege, nothing
/// that names another minion. Its command queue <c>eventreactor.minion.&lt;id&gt;</c> and the exchange MassTransit binds to
/// it share that name, so one name covers configure, read and the bind's write; the same goes for its own temporary bus
/// endpoint (<see cref="MinionCommand.BusEndpointName"/>), which MassTransit declares at start.
/// </summary>
internal static class BrokerPermissions
{
    public const string UserPrefix = "minion-";

    /// <summary>Matches no name: RabbitMQ's way of granting nothing.</summary>
    public const string Nothing = "^$";

    /// <summary>The broker user of minion <paramref name="minion"/>.</summary>
    public static string User(string minion) => UserPrefix + minion;

    /// <summary>Declaring only its own command queue, its bus endpoint, and the exchanges of the same names.</summary>
    public static string Configure(string minion) => $"^{Own(minion)}$";

    /// <summary>Publishing only to the events ingress, and binding its own queues to their exchanges.</summary>
    public static string Write(string minion) => $"^({Regex.Escape(EventBusNames.EventsExchange)}|{Own(minion)})$";

    /// <summary>Consuming only its own queues (and, for the binds, reading their exchanges).</summary>
    public static string Read(string minion) => $"^{Own(minion)}$";

    /// <summary>
    /// The routing keys it may publish on <see cref="EventBusNames.EventsExchange"/>: the tags a minion publishes, for its
    /// own id only: <c>minion/&lt;id&gt;/...</c> and the job return <c>job/&lt;jid&gt;/ret/&lt;id&gt;</c>, as <see cref="RoutingKeys"/> writes them.
    /// </summary>
    public static string TopicWrite(string minion)
    {
        var id = Regex.Escape(RoutingKeys.FromTag(minion));
        return $"^(minion\\.{id}\\..+|job\\.[^.]+\\.ret\\.{id})$";
    }

    // Its command queue and its bus endpoint, each also the name of the exchange bound to it.
    private static string Own(string minion) => $"({Regex.Escape(MinionCommand.QueueName(minion))}|{Regex.Escape(MinionCommand.BusEndpointName(minion))})";
}
