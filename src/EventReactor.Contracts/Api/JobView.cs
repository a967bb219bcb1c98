using System.Text.Json;

namespace EventReactor.Contracts.Api;

/// <summary>A command sent to minions, and what they returned so far (<c>GET /api/jobs</c>, <c>/api/jobs/{jid}</c>).</summary>
/// <param name="Jid">The job id.</param>
/// <param name="Function">The command, such as <c>container.run</c>.</param>
/// <param name="Arguments">Its arguments.</param>
/// <param name="Target">The target as given.</param>
/// <param name="TargetType">How the target is read: <c>glob</c>, <c>list</c>, <c>grain</c>, <c>pool</c> or <c>expr</c>.</param>
/// <param name="Minions">The minions the target named when the job was sent.</param>
/// <param name="CausedBy">The id of the event that made a rule send it, if one did.</param>
/// <param name="CreatedAt">When it was sent.</param>
/// <param name="Returns">The returns so far, one per minion that answered.</param>
public sealed record JobView(
    string Jid,
    string Function,
    JsonElement Arguments,
    string Target,
    string TargetType,
    IReadOnlyList<string> Minions,
    string? CausedBy,
    DateTimeOffset CreatedAt,
    IReadOnlyList<JobReturnView> Returns);
