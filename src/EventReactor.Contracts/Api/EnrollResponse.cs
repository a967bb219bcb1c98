namespace EventReactor.Contracts.Api;

/// <summary>The answer to <c>POST /api/keys/enroll</c>.</summary>
/// <param name="State">Where the presented key stands.</param>
/// <param name="ReactorPublicKey">The reactor's public key (PEM), given once the key is accepted; the minion pins it and verifies every command with it.</param>
/// <param name="BrokerCredential">The minion's own broker account, sealed to the presented key; given once the key is accepted when the reactor manages broker users (<c>Reactor:BrokerIdentity:Enabled</c>).</param>
public sealed record EnrollResponse(MinionKeyState State, string? ReactorPublicKey, SealedBrokerCredential? BrokerCredential = null);
