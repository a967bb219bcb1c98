using EventReactor.Reactor.Pools.Provisioning.Ssh;

namespace EventReactor.Reactor.Tests.Pools.Provisioning.Ssh;

public sealed class SshProviderOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(new SshProviderOptionsValidator().Validate(null, new SshProviderOptions()).Succeeded);
    }

    [Fact]
    public void Validate_BadValues_NameEachKey()
    {
        var result = new SshProviderOptionsValidator().Validate(null, new SshProviderOptions
        {
            MinionBinary = "/nonexistent/eventreactor",
            ReactorUrl = "ftp://x",
            StartTimeout = TimeSpan.Zero,
        });

        Assert.False(result.Succeeded);
        Assert.Contains(result.Failures!, f => f.StartsWith("Reactor:Providers:Ssh:MinionBinary '/nonexistent/eventreactor' does not exist", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Reactor:Providers:Ssh:ReactorUrl 'ftp://x' must be", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Reactor:Providers:Ssh:StartTimeout must be more than 0", StringComparison.Ordinal));
    }
}
