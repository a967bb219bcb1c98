using EventReactor.Contracts;
using EventReactor.Messaging.Telemetry;
using EventReactor.Minion.Trust;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace EventReactor.Minion.Commands;

/// <summary>
/// Takes signed commands from this minion's own queue and runs those the verifier lets through. A refusal is logged and
/// counted; it is answered with a failed return only when the signature held and the command was for this minion (an
/// expired or future-dated one), never for a forged one, which would let anyone make the minion speak.
/// </summary>
internal sealed partial class MinionCommandConsumer(CommandDispatcher dispatcher, ICommandVerifier verifier, ILogger<MinionCommandConsumer> logger) : IConsumer<SignedMinionCommand>
{
    public async Task Consume(ConsumeContext<SignedMinionCommand> context)
    {
        var verdict = verifier.Verify(context.Message);
        if (verdict.Accepted)
        {
            await dispatcher.DispatchAsync(verdict.Command!, context.CancellationToken);
            return;
        }

        var reason = verdict.Refusal!.Value;
        CommandsRefused.Add(1, new KeyValuePair<string, object?>("reason", reason.ToString()));
        // The job id as claimed, for the log only: nothing else is read from a payload that was refused.
        var claimed = verdict.Command?.Jid ?? (context.Message.Payload is { Length: > 0 } ? context.Message.ReadCommand()?.Jid : null) ?? "?";
        LogRefused(logger, reason, claimed, context.MessageId?.ToString() ?? "?");
        if (verdict.Command is { } answerable)
        {
            await dispatcher.RefuseAsync(answerable, $"refused by the minion: {Describe(reason)}", context.CancellationToken);
        }
    }

    private static readonly System.Diagnostics.Metrics.Counter<long> CommandsRefused =
        EventReactorTelemetry.Meter.CreateCounter<long>("eventreactor.commands.refused", "{command}", "Commands a minion refused to run, by reason");

    private static string Describe(CommandRefusal reason) => reason switch
    {
        CommandRefusal.FromTheFuture => "issued further in the future than Minion:MaxClockSkew allows (check both clocks)",
        CommandRefusal.LifetimeTooLong => "valid for longer than 60 s",
        CommandRefusal.Expired => "expired before it arrived",
        _ => reason.ToString(),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a command ({Reason}): job {Jid} (as claimed), message {MessageId}")]
    private static partial void LogRefused(ILogger logger, CommandRefusal reason, string jid, string messageId);
}
