using EventReactor.Contracts.Api;
using EventReactor.Core.Benchmarks;

namespace EventReactor.Reactor.Benchmarks;

/// <summary>
/// One attempt at one repetition (or warm-up) on one minion: the job and container that ran it, how it ended and why
/// (<c>exit 3</c>, <c>oom</c>, <c>timeout</c>, <c>lost: ...</c>, <c>error: ...</c>), and the values read from its output.
/// </summary>
public sealed record BenchmarkRepetition(
    string Run,
    string Minion,
    bool Warmup,
    int Index,
    int Attempt,
    string? Jid,
    string? ContainerId,
    BenchmarkStatus Status,
    string? Reason,
    int? ExitCode,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    IReadOnlyList<MetricValue> Values);
