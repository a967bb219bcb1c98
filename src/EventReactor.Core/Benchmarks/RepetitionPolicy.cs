namespace EventReactor.Core.Benchmarks;

/// <summary>
/// How many times a suite runs on a host, after the Phoronix Test Suite: <see cref="Warmup"/> unmeasured runs, then at
/// least <see cref="Min"/> measured ones, and more until every metric's relative standard deviation (percent) is below
/// <see cref="RsdThreshold"/> or <see cref="Max"/> have run.
/// </summary>
public sealed record RepetitionPolicy(int Warmup, int Min, int Max, double RsdThreshold)
{
    public const double DefaultRsdThreshold = 3.5;

    public static RepetitionPolicy Default { get; } = new(0, 3, 10, DefaultRsdThreshold);

    public RepetitionDecision Decide(int completed, IEnumerable<MetricStatistics> metrics)
    {
        if (completed >= Max)
        {
            return RepetitionDecision.MaximumReached;
        }

        if (completed < Min)
        {
            return RepetitionDecision.Continue;
        }

        var all = metrics.ToList();
        return all.Count > 0 && all.All(m => m.Rsd < RsdThreshold) ? RepetitionDecision.Converged : RepetitionDecision.Continue;
    }
}
