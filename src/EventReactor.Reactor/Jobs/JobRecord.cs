using System.Text.Json;

namespace EventReactor.Reactor.Jobs;

/// <summary>A command sent to one or more minions, and what they returned so far.</summary>
public sealed record JobRecord(
    string Jid,
    string Function,
    JsonElement Arguments,
    string Target,
    string TargetType,
    IReadOnlyList<string> Minions,
    string? CausedBy,
    DateTimeOffset CreatedAt,
    IReadOnlyList<JobReturn> Returns);
