namespace EventReactor.Core.Statistics;

/// <summary>A two-sided Mann–Whitney U test: U of the first sample, the p-value and how it was computed.</summary>
public sealed record MannWhitneyResult(double U, double PValue, MannWhitneyMethod Method);
