using EventReactor.Contracts.Api;

namespace EventReactor.Messaging;

/// <summary>
/// Who a process is on the bus when it has an account of its own (a minion's <c>minion-&lt;id&gt;</c> user): the credential
/// that replaces the user and password of <c>Bus:Url</c>, asked at every connection so that one that arrives later is used
/// from the next, and a fixed name for its own bus endpoint, which its permissions allow. At most one is registered;
/// without one, the URL's credentials and a random endpoint name are used.
/// </summary>
public interface IBusIdentity
{
    /// <summary>The credential to connect with now, or null for the URL's.</summary>
    BrokerCredential? Current { get; }

    /// <summary>The queue (and exchange) name of the process's temporary bus endpoint, or null for MassTransit's random one.</summary>
    string? BusEndpointName { get; }
}
