namespace EventReactor.Reactor.Ui.Charts;

/// <summary>
/// One series of a chart: values aligned with the chart's x (null where it has none), optional whiskers per point (bars)
/// and an optional mean with its interval drawn across the chart (points).
/// </summary>
public sealed record ChartSeries(string Label, IReadOnlyList<double?> Values)
{
    public IReadOnlyList<double?>? Low { get; init; }

    public IReadOnlyList<double?>? High { get; init; }

    public ConfidenceInterval? Interval { get; init; }
}
