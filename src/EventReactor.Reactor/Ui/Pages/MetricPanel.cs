using EventReactor.Reactor.Ui.Charts;

namespace EventReactor.Reactor.Ui.Pages;

/// <summary>One metric on a benchmark page: its chart and the table under it.</summary>
public sealed record MetricPanel(string Metric, string Unit, ChartSpec Chart, IReadOnlyList<HostMetricRow> Rows);
