using EventReactor.Contracts;

namespace EventReactor.Minion.Trust;

/// <summary>
/// A verifier's answer: the command to run, or why not. <see cref="Command"/> is set for a refusal only when the
/// signature held and the command was meant for this minion: only then is a failed return safe to send.
/// </summary>
internal sealed record CommandVerdict(MinionCommand? Command, CommandRefusal? Refusal)
{
    public bool Accepted => Refusal is null;

    public static CommandVerdict Run(MinionCommand command) => new(command, null);

    public static CommandVerdict Refuse(CommandRefusal refusal, MinionCommand? answerable = null) => new(answerable, refusal);
}
