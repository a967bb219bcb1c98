using EventReactor.Reactor.Rules;

namespace EventReactor.Reactor.Tests.Rules;

public sealed class RuleHealthOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(new RuleHealthOptionsValidator().Validate(null, new RuleHealthOptions()).Succeeded);
    }

    [Fact]
    public void Validate_BadValues_NameEachKey()
    {
        var result = new RuleHealthOptionsValidator().Validate(null, new RuleHealthOptions { Window = TimeSpan.Zero, MinimumSample = 0, ConditionErrorShare = 1, ActionFailureShare = -0.5 });

        Assert.True(result.Failed);
        Assert.Contains("Reactor:RuleHealth:Window", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Reactor:RuleHealth:MinimumSample", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Reactor:RuleHealth:ConditionErrorShare", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Reactor:RuleHealth:ActionFailureShare", result.FailureMessage, StringComparison.Ordinal);
    }
}
