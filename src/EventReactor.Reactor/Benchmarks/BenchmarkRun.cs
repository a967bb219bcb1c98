using EventReactor.Contracts.Api;

namespace EventReactor.Reactor.Benchmarks;

/// <summary>One run of a suite on the minions its target named; <see cref="Definition"/> is the suite file's text at the start.</summary>
public sealed record BenchmarkRun(
    string Id,
    string Suite,
    BenchmarkStatus Status,
    string? Reason,
    string Target,
    string TargetType,
    IReadOnlyList<string> Minions,
    RunPolicy Policy,
    string Definition,
    string? CausedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt);
