using EventReactor.Reactor.Benchmarks;
using EventReactor.Reactor.Ui.Charts;

namespace EventReactor.Reactor.Ui.Pages;

/// <summary>A repetition attempt with its container's sampled metrics as time series (none when nothing was sampled).</summary>
public sealed record RepetitionPanel(BenchmarkRepetition Repetition, int Samples, IReadOnlyList<ChartSpec> Charts);
