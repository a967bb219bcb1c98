namespace EventReactor.Core.Statistics;

/// <summary>A two-sided interval at <see cref="Level"/> (0.95 for 95%).</summary>
public sealed record ConfidenceInterval(double Low, double High, double Level)
{
    public bool Contains(double value) => value >= Low && value <= High;
}
