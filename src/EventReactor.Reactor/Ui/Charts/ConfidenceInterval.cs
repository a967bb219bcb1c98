namespace EventReactor.Reactor.Ui.Charts;

/// <summary>A mean with the bounds of its confidence interval; with one value the bounds are the mean itself.</summary>
public sealed record ConfidenceInterval(int N, double Mean, double Low, double High)
{
    public double HalfWidth => (High - Low) / 2;
}
