namespace EventReactor.Contracts.Api;

/// <summary>One attempt at one repetition (or warm-up) on one minion, in <see cref="BenchmarkHostReport"/>.</summary>
/// <param name="Warmup">Whether it is a warm-up.</param>
/// <param name="Index">The repetition's number, from 1.</param>
/// <param name="Attempt">The attempt's number, from 1.</param>
/// <param name="Jid">The job that ran it.</param>
/// <param name="ContainerId">The container that ran it.</param>
/// <param name="Status">How it ended.</param>
/// <param name="Reason">Why it failed: <c>exit 3</c>, <c>oom</c>, <c>timeout</c>, <c>lost: ...</c>, <c>error: ...</c>.</param>
/// <param name="ExitCode">The container's exit code.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="EndedAt">When it ended.</param>
/// <param name="DurationMs">How long it took, once it ended.</param>
/// <param name="Values">The values read from its output.</param>
/// <param name="ContainerMetrics">Its container as the minion sampled it; null when nothing was stored.</param>
public sealed record BenchmarkAttempt(
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
    double? DurationMs,
    IReadOnlyList<BenchmarkValue> Values,
    ContainerMetricsSummary? ContainerMetrics);
