using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace EventReactor.Contracts;

/// <summary>
/// What goes on a minion's command queue: a <see cref="MinionCommand"/> as the exact UTF-8 JSON bytes the reactor signed,
/// and the reactor's ECDSA P-256 signature over them. The minion verifies these bytes with the reactor key it pinned at
/// enrollment and only then reads the command from them, so nothing is re-serialized between signing and checking:
/// the target, job id, issue time, expiry, nonce and arguments are covered as sent.
/// </summary>
public sealed record SignedMinionCommand
{
    /// <summary>The longest a command may stay valid.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromSeconds(60);

    // Prefixed to the payload before signing, so that a signature over a command can never be passed off as one over anything else.
    private static readonly byte[] Domain = Encoding.ASCII.GetBytes("eventreactor/minion-command/v1\n");

    /// <summary>The command, UTF-8 JSON, exactly as signed.</summary>
    public required byte[] Payload { get; init; }

    /// <summary>ECDSA P-256 with SHA-256 over the domain prefix and <see cref="Payload"/>, IEEE P1363 form (r ‖ s); empty when unsigned.</summary>
    public byte[] Signature { get; init; } = [];

    /// <summary>Serializes <paramref name="command"/> once and signs those bytes.</summary>
    public static SignedMinionCommand Sign(MinionCommand command, ECDsa key)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(command, JsonSerializerOptions.Web);
        return new SignedMinionCommand { Payload = payload, Signature = key.SignData(SignedBytes(payload), HashAlgorithmName.SHA256) };
    }

    /// <summary>The bytes the signature covers: the domain prefix, then the payload.</summary>
    public static byte[] SignedBytes(ReadOnlySpan<byte> payload)
    {
        var bytes = new byte[Domain.Length + payload.Length];
        Domain.CopyTo(bytes, 0);
        payload.CopyTo(bytes.AsSpan(Domain.Length));
        return bytes;
    }

    /// <summary>Whether <see cref="Signature"/> is <paramref name="reactorKey"/>'s over <see cref="Payload"/>.</summary>
    public bool IsSignedBy(ECDsa reactorKey) =>
        Signature.Length > 0 && reactorKey.VerifyData(SignedBytes(Payload), Signature, HashAlgorithmName.SHA256);

    /// <summary>The command the payload holds; null when it is not one.</summary>
    public MinionCommand? ReadCommand()
    {
        try
        {
            return JsonSerializer.Deserialize<MinionCommand>(Payload, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
