namespace EventReactor.Core.Statistics;

/// <summary>
/// A percentile bootstrap interval, with its Monte-Carlo error: half the width of the 95% range in which each end
/// would fall with endless resamples (from the binomial spread of the end's rank), the larger of the two ends.
/// </summary>
public sealed record BootstrapInterval(ConfidenceInterval Interval, double MonteCarloError, int Resamples, int Seed);
