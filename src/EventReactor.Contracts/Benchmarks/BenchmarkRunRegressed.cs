using System.Text.Json.Serialization;

namespace EventReactor.Contracts.Benchmarks;

/// <summary>
/// The data of <c>bench/&lt;run&gt;/regressed</c>: one metric of one host that got significantly worse than the last runs
/// of the same suite on hosts with the same <see cref="Grain"/> value (<see cref="Group"/>). The change is in percent of
/// the baseline's mean, with its bootstrap interval, and the p-value of the named test.
/// </summary>
public sealed record BenchmarkRunRegressed(
    [property: JsonPropertyName("run")] string Run,
    [property: JsonPropertyName("suite")] string Suite,
    [property: JsonPropertyName("minion")] string Minion,
    [property: JsonPropertyName("metric")] string Metric,
    [property: JsonPropertyName("unit")] string Unit,
    [property: JsonPropertyName("higherIsBetter")] bool HigherIsBetter,
    [property: JsonPropertyName("grain")] string Grain,
    [property: JsonPropertyName("group")] string Group,
    [property: JsonPropertyName("baselineRuns")] IReadOnlyList<string> BaselineRuns,
    [property: JsonPropertyName("baseline")] BenchmarkSampleSide Baseline,
    [property: JsonPropertyName("current")] BenchmarkSampleSide Current,
    [property: JsonPropertyName("changePercent")] double? ChangePercent,
    [property: JsonPropertyName("changeLow")] double? ChangeLow,
    [property: JsonPropertyName("changeHigh")] double? ChangeHigh,
    [property: JsonPropertyName("pValue")] double PValue,
    [property: JsonPropertyName("test")] string Test,
    [property: JsonPropertyName("warnings")] IReadOnlyList<string> Warnings);
