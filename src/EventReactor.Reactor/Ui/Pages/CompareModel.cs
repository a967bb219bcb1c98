namespace EventReactor.Reactor.Ui.Pages;

/// <summary>
/// The compare page: one suite's metric grouped by a grain path (bars with interval whiskers), and two runs side by side.
/// </summary>
public sealed record CompareModel(
    IReadOnlyList<string> Suites,
    string? Suite,
    string By,
    IReadOnlyList<string> Metrics,
    string? Metric,
    MetricPanel? Grouped,
    string? RunA,
    string? RunB,
    IReadOnlyList<MetricPanel> SideBySide,
    string? Error);
