using System.Text.Json;

namespace EventReactor.Contracts.Api;

/// <summary>One minion's answer to a job, in <see cref="JobView"/>.</summary>
/// <param name="Minion">The minion that answered.</param>
/// <param name="Success">Whether the command succeeded.</param>
/// <param name="RetCode">Its return code.</param>
/// <param name="Return">What the command returned, if anything.</param>
/// <param name="Error">Why it failed.</param>
/// <param name="DurationMs">How long it ran on the minion.</param>
/// <param name="At">When the return arrived.</param>
public sealed record JobReturnView(string Minion, bool Success, int RetCode, JsonElement? Return, string? Error, double DurationMs, DateTimeOffset At);
