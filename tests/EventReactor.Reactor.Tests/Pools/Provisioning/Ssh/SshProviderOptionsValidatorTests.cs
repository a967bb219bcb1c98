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
            MinionBinary = "/nonexistent/eventreactor-minion",
            ReactorUrl = "ftp://x",
            StartTimeout = TimeSpan.Zero,
        });

        Assert.False(result.Succeeded);
        Assert.Contains(result.Failures!, f => f.StartsWith("Reactor:Providers:Ssh:MinionBinary '/nonexistent/eventreactor-minion' does not exist", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Reactor:Providers:Ssh:ReactorUrl 'ftp://x' must be", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Reactor:Providers:Ssh:StartTimeout must be more than 0", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_MinionBinaryIsTheWholeCli_RefusedNamingTheMinionExecutable()
    {
        var folder = Directory.CreateTempSubdirectory("eventreactor-ssh-build-").FullName;
        try
        {
            var cli = Path.Combine(folder, "eventreactor");
            File.WriteAllText(cli, string.Empty);
            var minion = Path.Combine(folder, "eventreactor-minion");
            File.WriteAllText(minion, string.Empty);

            var refused = new SshProviderOptionsValidator().Validate(null, new SshProviderOptions { MinionBinary = cli });
            var accepted = new SshProviderOptionsValidator().Validate(null, new SshProviderOptions { MinionBinary = minion });

            Assert.False(refused.Succeeded);
            Assert.Contains(refused.Failures!, f => f.Contains("must be the minion alone, 'eventreactor-minion'", StringComparison.Ordinal));
            Assert.True(accepted.Succeeded, string.Join("; ", accepted.Failures ?? []));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
