using EventReactor.Reactor.Benchmarks;

namespace EventReactor.Reactor.Tests.Benchmarks;

public sealed class BenchmarkOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(new BenchmarkOptionsValidator().Validate(null, new BenchmarkOptions()).Succeeded);
    }

    [Fact]
    public void Validate_BadRegressionBaseline_NamesBothKeys()
    {
        var options = new BenchmarkOptions { Regression = new RegressionBaselineOptions { Grain = "cpu..model", Runs = 0 } };

        var result = new BenchmarkOptionsValidator().Validate(null, options);

        Assert.Contains(result.Failures!, f => f.StartsWith("Reactor:Benchmarks:Regression:Grain must be a grain path", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Reactor:Benchmarks:Regression:Runs must be at least 1", StringComparison.Ordinal));
    }
}
