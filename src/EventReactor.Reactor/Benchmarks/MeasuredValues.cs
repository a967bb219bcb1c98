using System.Text.Json;
using EventReactor.Core.Benchmarks;

namespace EventReactor.Reactor.Benchmarks;

/// <summary>The measured values of one successful repetition, with the run's suite and the host's grains, for comparisons across runs.</summary>
public sealed record MeasuredValues(string Run, string Suite, string Minion, JsonElement? Grains, IReadOnlyList<MetricValue> Values);
