using EventReactor.Reactor.Ui.Charts;

namespace EventReactor.Reactor.Ui.Pages;

/// <summary>One host's measured values of one metric in a run (or one group's, on the compare page): the mean and its interval.</summary>
public sealed record HostMetricRow(string Label, string Metric, string Unit, bool HigherIsBetter, ConfidenceInterval Interval);
