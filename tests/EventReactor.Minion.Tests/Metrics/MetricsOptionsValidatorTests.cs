using EventReactor.Minion.Metrics;

namespace EventReactor.Minion.Tests.Metrics;

public sealed class MetricsOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        Assert.True(new MetricsOptionsValidator().Validate(null, new MinionOptions()).Succeeded);
    }

    [Fact]
    public void Validate_IntervalBelow100Ms_FailsNamingTheKey()
    {
        var options = new MinionOptions { Metrics = new MetricsOptions { Interval = TimeSpan.FromMilliseconds(50) } };

        var result = new MetricsOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Minion:Metrics:Interval", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoFlushSamples_FailsNamingTheKey()
    {
        var options = new MinionOptions { Metrics = new MetricsOptions { FlushSamples = 0 } };

        var result = new MetricsOptionsValidator().Validate(null, options);

        Assert.Contains("Minion:Metrics:FlushSamples", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HostIntervalBelow100Ms_FailsNamingTheKey()
    {
        var options = new MinionOptions { Metrics = new MetricsOptions { HostInterval = TimeSpan.FromMilliseconds(50) } };

        var result = new MetricsOptionsValidator().Validate(null, options);

        Assert.Contains("Minion:Metrics:HostInterval", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HostIntervalZero_SucceedsAsOff()
    {
        var options = new MinionOptions { Metrics = new MetricsOptions { HostInterval = TimeSpan.Zero } };

        Assert.True(new MetricsOptionsValidator().Validate(null, options).Succeeded);
    }
}
