namespace EventReactor.Contracts.Api;

/// <summary>A minion's own broker account (<c>minion-&lt;id&gt;</c>), made by the reactor when the minion's key is accepted; it travels only sealed (<see cref="SealedBrokerCredential"/>).</summary>
/// <param name="Username">The broker user.</param>
/// <param name="Password">Its password.</param>
public sealed record BrokerCredential(string Username, string Password);
