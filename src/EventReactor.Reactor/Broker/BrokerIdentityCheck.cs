using EventReactor.Contracts;
using EventReactor.Messaging;
using EventReactor.Reactor.Keys;
using EventReactor.Reactor.Processing;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Broker;

/// <summary>
/// With <c>Reactor:BrokerIdentity:Enabled</c>, an event from the bus that speaks for minion X (the same definition as
/// <see cref="MinionEventTrust"/>) must carry the validated <c>user_id</c> <c>minion-X</c>, or the reactor's own user (what
/// the reactor published itself, e.g. from the API, whose token scopes already decided). What the reactor emitted itself
/// is its own. Without it, there are no broker users to check against.
/// </summary>
internal sealed class BrokerIdentityCheck(IOptions<BrokerIdentityOptions> options, IOptions<BusOptions> bus) : IEventIdentityCheck
{
    private readonly string? _reactorUser = bus.Value.Url.StartsWith(BusAddress.MemoryScheme + ":", StringComparison.Ordinal) ? null : BusAddress.Parse(bus.Value.Url).Username;

    public string? RejectedReason(EventEnvelope envelope, EventSender sender)
    {
        if (!options.Value.Enabled || sender.IsReactor || (sender.BrokerUser is { } user && user == _reactorUser))
        {
            return null;
        }

        foreach (var minion in MinionEventTrust.SpokenFor(envelope))
        {
            if (sender.BrokerUser != BrokerPermissions.User(minion))
            {
                return $"identity: the event speaks for minion '{minion}' but was published by {(sender.BrokerUser is { } by ? $"broker user '{by}'" : "a message without user_id")}, not '{BrokerPermissions.User(minion)}'";
            }
        }

        return null;
    }
}
