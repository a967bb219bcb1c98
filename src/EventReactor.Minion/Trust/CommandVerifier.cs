using EventReactor.Contracts;
using Microsoft.Extensions.Options;

namespace EventReactor.Minion.Trust;

/// <summary>
/// Checks a command before it runs, cheapest and most telling first: signed at all, by the pinned reactor key, for this
/// minion, within its time window (allowing <c>Minion:MaxClockSkew</c>), and not seen before (the replay cache).
/// </summary>
internal sealed class CommandVerifier(MinionIdentity identity, ReplayCache replay, IOptions<MinionOptions> options, TimeProvider time) : ICommandVerifier
{
    public CommandVerdict Verify(SignedMinionCommand signed)
    {
        if (signed.Signature is not { Length: > 0 })
        {
            return CommandVerdict.Refuse(CommandRefusal.Unsigned);
        }

        if (identity.PinnedReactorKey is not { } reactor)
        {
            return CommandVerdict.Refuse(CommandRefusal.NotEnrolled);
        }

        if (signed.Payload is not { Length: > 0 } || !signed.IsSignedBy(reactor))
        {
            return CommandVerdict.Refuse(CommandRefusal.BadSignature);
        }

        if (signed.ReadCommand() is not { } command || string.IsNullOrEmpty(command.Nonce))
        {
            return CommandVerdict.Refuse(CommandRefusal.Malformed);
        }

        if (command.Minion != options.Value.Id)
        {
            return CommandVerdict.Refuse(CommandRefusal.OtherTarget);
        }

        var now = time.GetUtcNow();
        var skew = options.Value.MaxClockSkew;
        if (command.IssuedAt > now + skew)
        {
            return CommandVerdict.Refuse(CommandRefusal.FromTheFuture, command);
        }

        if (command.ExpiresAt - command.IssuedAt > SignedMinionCommand.MaxLifetime)
        {
            return CommandVerdict.Refuse(CommandRefusal.LifetimeTooLong, command);
        }

        if (now > command.ExpiresAt + skew)
        {
            return CommandVerdict.Refuse(CommandRefusal.Expired, command);
        }

        // Remembered past the expiry by the skew, the longest a replay could still pass the time checks.
        return replay.TryRemember(command.Nonce, command.ExpiresAt + skew, now)
            ? CommandVerdict.Run(command)
            : CommandVerdict.Refuse(CommandRefusal.Replayed);
    }
}
