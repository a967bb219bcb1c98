using EventReactor.Minion.Presence;

namespace EventReactor.Minion.Tests.Presence;

public sealed class PresenceOptionsValidatorTests
{
    [Fact]
    public void Validate_DefaultInterval_Succeeds() =>
        Assert.True(new PresenceOptionsValidator().Validate(null, new MinionOptions()).Succeeded);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Validate_IntervalNotPositive_FailsNamingTheKey(int seconds)
    {
        var result = new PresenceOptionsValidator().Validate(null, new MinionOptions { HeartbeatInterval = TimeSpan.FromSeconds(seconds) });

        Assert.Contains("Minion:HeartbeatInterval", result.FailureMessage, StringComparison.Ordinal);
    }
}
