using System.Text.Json.Serialization;

namespace EventReactor.Contracts.Jobs;

/// <summary>What <c>container.run</c> returns once the container exited (or was killed at its timeout): the <c>return</c> of its job return.</summary>
public sealed record ContainerRunCompleted(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("exitCode")] int? ExitCode,
    [property: JsonPropertyName("oomKilled")] bool OomKilled,
    [property: JsonPropertyName("timedOut")] bool TimedOut,
    [property: JsonPropertyName("logs")] string? Logs);
