using EventReactor.Core.Benchmarks;

namespace EventReactor.Core.Tests.Benchmarks;

public sealed class RepetitionPolicyTests
{
    private static readonly RepetitionPolicy Policy = new(1, 3, 6, 3.5);

    private static MetricStatistics WithRsd(double rsd) => new(3, 100, rsd, 90, 110, 100, 108, rsd);

    [Fact]
    public void Decide_BelowMinimum_ContinuesEvenWhenSteady() =>
        Assert.Equal(RepetitionDecision.Continue, Policy.Decide(2, [WithRsd(0.1)]));

    [Fact]
    public void Decide_MinimumReachedAndEveryMetricSteady_Converges() =>
        Assert.Equal(RepetitionDecision.Converged, Policy.Decide(3, [WithRsd(1), WithRsd(3.4)]));

    [Fact]
    public void Decide_OneMetricNoisy_Continues() =>
        Assert.Equal(RepetitionDecision.Continue, Policy.Decide(4, [WithRsd(1), WithRsd(3.5)]));

    [Fact]
    public void Decide_MaximumReached_StopsWhateverTheNoise() =>
        Assert.Equal(RepetitionDecision.MaximumReached, Policy.Decide(6, [WithRsd(50)]));
}
