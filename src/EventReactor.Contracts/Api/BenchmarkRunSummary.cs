using EventReactor.Contracts.Benchmarks;

namespace EventReactor.Contracts.Api;

/// <summary>A benchmark run without its hosts (<c>GET /api/bench/runs</c>, and the answer of <c>POST</c> there).</summary>
/// <param name="Id">The run's id.</param>
/// <param name="Suite">The suite it runs.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Reason">Why it failed.</param>
/// <param name="Target">The target as recorded.</param>
/// <param name="TargetType">How the target is read.</param>
/// <param name="Minions">The minions it runs on.</param>
/// <param name="Policy">How it repeats.</param>
/// <param name="CausedBy">The id of the event that made a rule start it, if one did.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="EndedAt">When it ended.</param>
public sealed record BenchmarkRunSummary(
    string Id,
    string Suite,
    BenchmarkStatus Status,
    string? Reason,
    string Target,
    string TargetType,
    IReadOnlyList<string> Minions,
    BenchmarkPolicy Policy,
    string? CausedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt);
