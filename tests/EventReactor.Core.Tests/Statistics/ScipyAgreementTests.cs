using EventReactor.Core.Statistics;

namespace EventReactor.Core.Tests.Statistics;

/// <summary>Every statistic against SciPy's answer on the same values (a few hundred samples, sizes 3-50, ties included).</summary>
public sealed class ScipyAgreementTests
{
    [Fact]
    public void MannWhitneyU_FixtureSamples_MatchScipyStatisticPValueAndMethod()
    {
        var index = 0;
        foreach (var c in ScipyReference.Cases)
        {
            var expected = c.GetProperty("mannWhitney");
            var result = MannWhitneyU.Test(ScipyReference.Values(c.GetProperty("x")), ScipyReference.Values(c.GetProperty("y")));
            Assert.Equal(expected.GetProperty("method").GetString(), result.Method.ToString().ToLowerInvariant());
            ScipyReference.Close(expected.GetProperty("u").GetDouble(), result.U, $"case {index} U");
            ScipyReference.Close(expected.GetProperty("p").GetDouble(), result.PValue, $"case {index} p ({result.Method})");
            index++;
        }

        Assert.True(index >= 300, $"only {index} cases in the fixture");
    }

    [Fact]
    public void MeanInterval_FixtureSamples_MatchScipyTInterval()
    {
        var index = 0;
        foreach (var c in ScipyReference.Cases)
        {
            var expected = ScipyReference.Values(c.GetProperty("meanInterval"));
            var interval = MeanInterval.Of(ScipyReference.Values(c.GetProperty("x")))!;
            // Centre and half-width each: a low end near 0 is a difference of two large numbers.
            ScipyReference.Close((expected[0] + expected[1]) / 2, (interval.Low + interval.High) / 2, $"case {index} centre");
            ScipyReference.Close((expected[1] - expected[0]) / 2, (interval.High - interval.Low) / 2, $"case {index} half-width");
            index++;
        }
    }

    [Fact]
    public void ScaledMad_FixtureSamples_MatchScipyMedianAbsDeviationNormal()
    {
        var index = 0;
        foreach (var c in ScipyReference.Cases)
        {
            ScipyReference.Close(c.GetProperty("scaledMad").GetDouble(), MadOutliers.ScaledMad(ScipyReference.Values(c.GetProperty("x"))), $"case {index} MAD");
            index++;
        }
    }

    [Fact]
    public void StudentTQuantile_Table_MatchesScipyPpf()
    {
        foreach (var q in ScipyReference.Section("tQuantiles"))
        {
            var (p, df) = (q.GetProperty("p").GetDouble(), q.GetProperty("df").GetDouble());
            ScipyReference.Close(q.GetProperty("t").GetDouble(), StudentT.Quantile(p, df), $"t.ppf({p}, {df})");
        }
    }

    [Fact]
    public void StudentTCdf_Table_MatchesScipyCdf()
    {
        foreach (var q in ScipyReference.Section("tCdfs"))
        {
            var (t, df) = (q.GetProperty("t").GetDouble(), q.GetProperty("df").GetDouble());
            ScipyReference.Close(q.GetProperty("cdf").GetDouble(), StudentT.Cdf(t, df), $"t.cdf({t}, {df})");
        }
    }

    [Fact]
    public void NormalSurvival_Table_MatchesScipyNormSf()
    {
        foreach (var q in ScipyReference.Section("normalSurvival"))
        {
            var z = q.GetProperty("z").GetDouble();
            ScipyReference.Close(q.GetProperty("sf").GetDouble(), SpecialFunctions.NormalSurvival(z), $"norm.sf({z})");
        }
    }

    [Fact]
    public void ChangePercentInterval_FixtureSamples_WithinTheStatedMonteCarloErrorOfScipyBootstrap()
    {
        var compared = 0;
        foreach (var c in ScipyReference.Cases.Where(c => c.TryGetProperty("bootstrap", out _)))
        {
            var expected = c.GetProperty("bootstrap");
            var ours = Bootstrap.ChangePercentInterval(ScipyReference.Values(c.GetProperty("x")), ScipyReference.Values(c.GetProperty("y")))!;

            // Two estimates of one interval, each off by its own Monte-Carlo error at most (95%).
            var allowed = ours.MonteCarloError + expected.GetProperty("monteCarloError").GetDouble();
            Assert.InRange(ours.Interval.Low, expected.GetProperty("low").GetDouble() - allowed, expected.GetProperty("low").GetDouble() + allowed);
            Assert.InRange(ours.Interval.High, expected.GetProperty("high").GetDouble() - allowed, expected.GetProperty("high").GetDouble() + allowed);
            compared++;
        }

        Assert.True(compared >= 20, $"only {compared} bootstrap cases");
    }
}
