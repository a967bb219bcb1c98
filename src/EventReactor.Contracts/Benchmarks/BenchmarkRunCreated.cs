using System.Text.Json.Serialization;

namespace EventReactor.Contracts.Benchmarks;

/// <summary>The data of <c>bench/&lt;run&gt;/new</c>: the suite, the target as given, the minions it matched and the policy.</summary>
public sealed record BenchmarkRunCreated(
    [property: JsonPropertyName("run")] string Run,
    [property: JsonPropertyName("suite")] string Suite,
    [property: JsonPropertyName("tgt")] string Target,
    [property: JsonPropertyName("tgt_type")] string TargetType,
    [property: JsonPropertyName("minions")] IReadOnlyList<string> Minions,
    [property: JsonPropertyName("policy")] BenchmarkPolicy Policy);
