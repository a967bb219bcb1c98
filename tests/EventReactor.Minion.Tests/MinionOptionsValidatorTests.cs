namespace EventReactor.Minion.Tests;

public sealed class MinionOptionsValidatorTests
{
    [Fact]
    public void Validate_OutboxBoundBelowOne_NamesTheKey()
    {
        var options = new MinionOptions { Id = "m1" };
        options.Outbox.MaxEvents = 0;

        var result = new MinionOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith("Minion:Outbox:MaxEvents", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_Defaults_Succeed() => Assert.True(new MinionOptionsValidator().Validate(null, new MinionOptions { Id = "m1" }).Succeeded);

    [Fact]
    public void ResolveDataPath_NotConfigured_IsPerMinionUnderEventReactor() =>
        Assert.Equal(Path.Combine(".eventreactor", "minion-m1"), new MinionOptions { Id = "m1" }.ResolveDataPath());
}
