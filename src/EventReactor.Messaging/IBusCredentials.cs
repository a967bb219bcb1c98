using EventReactor.Contracts.Api;

namespace EventReactor.Messaging;

/// <summary>
/// A process's own broker account, when it has one that replaces the user and password of <c>Bus:Url</c> (a minion's
/// <c>minion-&lt;id&gt;</c> user). Asked at every connection, so a credential that arrives later is used from the next one.
/// At most one is registered; without one, the URL's credentials are used.
/// </summary>
public interface IBusCredentials
{
    /// <summary>The credential to connect with now, or null for the URL's.</summary>
    BrokerCredential? Current { get; }
}
