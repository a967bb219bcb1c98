namespace EventReactor.Reactor.Ui.Charts;

/// <summary>How ui.js draws a chart.</summary>
public enum ChartKind
{
    /// <summary>Time series: x in Unix seconds, lines.</summary>
    Line,

    /// <summary>Repetitions: x is the repetition number, one point per value, with each series' mean and interval drawn across.</summary>
    Points,

    /// <summary>One bar per category with interval whiskers.</summary>
    Bars,
}
