using System.Text.Json;

namespace EventReactor.Reactor.Jobs;

/// <summary>One minion's answer to a job.</summary>
public sealed record JobReturn(string Minion, bool Success, int RetCode, JsonElement? Return, string? Error, double DurationMs, DateTimeOffset At);
