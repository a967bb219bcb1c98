using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EventReactor.Contracts.Api;
using EventReactor.Messaging;
using EventReactor.Reactor.Keys;
using EventReactor.Storage.Keys;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Broker;

/// <summary>
/// Each accepted minion's own broker user, <c>minion-&lt;id&gt;</c>, made with least privilege (<see cref="BrokerPermissions"/>)
/// and handed to the minion sealed to its enrolled key; deleted, with its open connections closed, when the key is
/// rejected or deleted. Does nothing unless <c>Reactor:BrokerIdentity:Enabled</c>.
/// </summary>
/// <remarks>
/// The password is derived (HKDF) from the reactor's private key, the id, the key's fingerprint and its enrollment time,
/// so that it looks random, needs no storage, and is the same on every answer to the same enrollment: the enrollment
/// endpoint is open, and a stranger replaying a minion's public key must not be able to change its password. Deleting the
/// key and enrolling again gives a new one.
/// </remarks>
internal sealed partial class BrokerAccounts(
    IOptions<BrokerIdentityOptions> options,
    RabbitManagementClient management,
    ReactorKey reactorKey,
    ILogger<BrokerAccounts> logger)
{
    /// <summary>Binds a sealed credential to what it is for, so a box made for anything else never opens as one.</summary>
    public const string SealPurpose = "eventreactor/broker-credential/v1";

    public bool Enabled => options.Value.Enabled;

    /// <summary>The reactor's own broker user: events it publishes (from the API) carry it as <c>user_id</c>.</summary>
    public string ReactorUser => management.ReactorUser;

    /// <summary>Makes (or refreshes) the minion's broker user and its permissions; its credential sealed to the minion's key, or null when disabled.</summary>
    public async Task<SealedBrokerCredential?> GrantAsync(MinionKeyRecord key, CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return null;
        }

        var user = BrokerPermissions.User(key.Minion);
        var password = Password(key);
        await management.PutUserAsync(user, password, cancellationToken);
        await management.PutPermissionsAsync(user, BrokerPermissions.Configure(key.Minion), BrokerPermissions.Write(key.Minion), BrokerPermissions.Read(key.Minion), cancellationToken);
        await management.PutTopicPermissionsAsync(user, EventBusNames.EventsExchange, BrokerPermissions.TopicWrite(key.Minion), BrokerPermissions.Nothing, cancellationToken);
        LogGranted(logger, user);
        var box = KeySealing.Seal(key.PublicKey, JsonSerializer.SerializeToUtf8Bytes(new BrokerCredential(user, password)), SealPurpose);
        return new SealedBrokerCredential(
            Convert.ToBase64String(box.EphemeralPublicKey),
            Convert.ToBase64String(box.Nonce),
            Convert.ToBase64String(box.Ciphertext),
            Convert.ToBase64String(box.Tag));
    }

    /// <summary>Deletes the minion's broker user and closes its open connections, so nothing it sends afterwards arrives.</summary>
    public async Task RevokeAsync(string minion, CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return;
        }

        var user = BrokerPermissions.User(minion);
        await management.DeleteUserAsync(user, cancellationToken);
        await management.CloseConnectionsAsync(user, cancellationToken);
        LogRevoked(logger, user);
    }

    private string Password(MinionKeyRecord key)
    {
        var secret = reactorKey.Key.ExportParameters(true).D!;
        try
        {
            var info = Encoding.UTF8.GetBytes($"eventreactor/broker-password/v1\n{key.Minion}\n{key.Fingerprint}\n{key.EnrolledAt.ToUnixTimeMilliseconds()}");
            return Convert.ToBase64String(HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, salt: [], info)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Broker user {User} made with least-privilege permissions")]
    private static partial void LogGranted(ILogger logger, string user);

    [LoggerMessage(Level = LogLevel.Information, Message = "Broker user {User} deleted and its connections closed")]
    private static partial void LogRevoked(ILogger logger, string user);
}
