using System.Text.Json.Serialization;

namespace EventReactor.Contracts.Benchmarks;

/// <summary>
/// The data of <c>bench/&lt;run&gt;/progress</c>: one minion finished a repetition (<see cref="Completed"/> so far, of at
/// least <see cref="Min"/> and at most <see cref="Max"/>); <see cref="Reason"/> says why it failed, when it did.
/// </summary>
public sealed record BenchmarkRunProgressed(
    [property: JsonPropertyName("run")] string Run,
    [property: JsonPropertyName("suite")] string Suite,
    [property: JsonPropertyName("minion")] string Minion,
    [property: JsonPropertyName("warmup")] bool Warmup,
    [property: JsonPropertyName("completed")] int Completed,
    [property: JsonPropertyName("min")] int Min,
    [property: JsonPropertyName("max")] int Max,
    [property: JsonPropertyName("reason")] string? Reason);
