using System.Text.Json;

namespace EventReactor.Contracts;

/// <summary>
/// A function for one minion to run, sent to that minion's own queue (<see cref="QueueName"/>). The minion answers
/// with the event <c>job/&lt;jid&gt;/ret/&lt;minion&gt;</c>.
/// </summary>
public sealed record MinionCommand
{
    /// <summary>The job id, shared by every minion the job targets.</summary>
    public required string Jid { get; init; }

    /// <summary>The minion that must run it.</summary>
    public required string Minion { get; init; }

    /// <summary>The function, e.g. <c>container.run</c> or <c>test.ping</c>.</summary>
    public required string Function { get; init; }

    /// <summary>The function's arguments, a JSON object.</summary>
    public JsonElement Arguments { get; init; } = EventEnvelope.EmptyData;

    /// <summary>The event whose reaction sent the command, if any.</summary>
    public string? CausedBy { get; init; }

    /// <summary>Causation depth of the event that sent it, so that returns continue the chain.</summary>
    public int Depth { get; init; }

    public DateTimeOffset IssuedAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>After this the minion refuses the command; at most <see cref="SignedMinionCommand.MaxLifetime"/> after <see cref="IssuedAt"/>.</summary>
    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Random and unique per command: the minion's replay cache remembers it until the command expires.</summary>
    public string Nonce { get; init; } = string.Empty;

    /// <summary>W3C trace context of the action that sent the command.</summary>
    public string? TraceParent { get; init; }

    /// <summary>The queue a minion consumes its commands from.</summary>
    public static string QueueName(string minionId) => $"eventreactor.minion.{minionId}";

    /// <summary>
    /// The minion's own temporary bus endpoint (MassTransit's, for replies); named, not random, so that a minion's
    /// least-privilege broker user may declare it, and apart from every <see cref="QueueName"/> (<c>minion-bus</c>, not <c>minion.</c>).
    /// </summary>
    public static string BusEndpointName(string minionId) => $"eventreactor.minion-bus.{minionId}";
}
