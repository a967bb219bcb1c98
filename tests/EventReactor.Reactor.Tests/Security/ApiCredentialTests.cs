using EventReactor.Core.Tags;
using EventReactor.Reactor.Security;

namespace EventReactor.Reactor.Tests.Security;

public sealed class ApiCredentialTests
{
    [Theory]
    [InlineData("*", "ci/build", true)]
    [InlineData("*", "minion/vm/start", false)]
    [InlineData("*", "job/1/ret/vm", false)]
    [InlineData("*", "presence/change", false)]
    [InlineData("*", "pool/gpu/membership/added", false)]
    [InlineData("*", "reactor/rules/loaded", false)]
    [InlineData("minion*", "minion/vm/start", false)]
    [InlineData("mini*", "minion/vm/start", false)]
    [InlineData("minion/*", "minion/vm/start", true)]
    [InlineData("minion/sim-*", "minion/sim-1/inventory", true)]
    [InlineData("minion/sim-*", "minion/vm/start", false)]
    [InlineData("ci/*", "cd/deploy", false)]
    [InlineData("*", "minions-report", true)]
    public void MayPublish_Glob_AllowsReservedTagsOnlyWhenNamed(string glob, string tag, bool allowed)
    {
        var credential = new ApiCredential("t", new byte[32], new HashSet<ApiScope> { ApiScope.EventsPublish }, [TagGlob.Parse(glob)]);

        Assert.Equal(allowed && TagGlob.Parse(glob).IsMatch(tag), credential.MayPublish(tag));
    }

    [Fact]
    public void MayPublish_WithoutTheScope_IsFalse()
    {
        var credential = new ApiCredential("t", new byte[32], new HashSet<ApiScope> { ApiScope.Read }, [TagGlob.Parse("*")]);

        Assert.False(credential.MayPublish("ci/build"));
    }
}
