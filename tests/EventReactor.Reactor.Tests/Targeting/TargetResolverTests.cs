using EventReactor.Core.Targeting;
using EventReactor.Reactor.Pools;
using EventReactor.Reactor.Targeting;
using EventReactor.Reactor.Tests.Keys;
using EventReactor.Reactor.Tests.Minions;

namespace EventReactor.Reactor.Tests.Targeting;

public sealed class TargetResolverTests
{
    private static readonly DateTimeOffset Since = DateTimeOffset.UnixEpoch;

    private static TargetResolver Resolver()
    {
        var minions = new FakeMinionStore()
            .With("gpu-1", grains: """{"gpus":[{"model":"Tesla K80"}]}""")
            .With("gpu-2", present: false, grains: """{"gpus":[{"model":"Tesla K80"}]}""")
            .With("web-1");
        var pools = new PoolState();
        pools.Replace([new PoolMember("gpu-k80", "gpu-1", "selector", Since), new PoolMember("gpu-k80", "gpu-2", "added", Since)]);
        return new TargetResolver(minions, pools, FakeMinionTrust.Everyone);
    }

    [Theory]
    [InlineData("*", "glob", "gpu-1,web-1")]
    [InlineData("gpu-2,web-1", "list", "web-1")]
    [InlineData("gpus:*K80*", "grain", "gpu-1")]
    [InlineData("gpu-k80", "pool", "gpu-1")]
    [InlineData("'gpu-k80' in pools || id == 'web-1'", "expr", "gpu-1,web-1")]
    public async Task ResolveAsync_EachType_OnlyPresentMinions(string target, string type, string expected)
    {
        Assert.Equal(expected.Split(','), await Resolver().ResolveAsync(target, type, CancellationToken.None));
    }

    [Fact]
    public async Task ResolveAsync_OnlyLostMinionMatches_ThrowsSayingNoPresentMinion()
    {
        var error = await Assert.ThrowsAsync<TargetException>(() => Resolver().ResolveAsync("gpu-2", "glob", CancellationToken.None));
        Assert.Equal("target 'gpu-2' (glob) matches no present minion; present: gpu-1, web-1", error.Message);
    }

    [Fact]
    public async Task ResolveAsync_GlobOverAcceptedAndUnaccepted_OnlyTheAccepted()
    {
        var minions = new FakeMinionStore().With("gpu-1").With("web-1");

        var resolved = await new TargetResolver(minions, new PoolState(), new FakeMinionTrust("web-1")).ResolveAsync("*", "glob", CancellationToken.None);

        Assert.Equal(["web-1"], resolved);
    }

    [Fact]
    public async Task ResolveAsync_OnlyUnacceptedMinionMatches_ThrowsSayingItsKeyIsNotAccepted()
    {
        var minions = new FakeMinionStore().With("gpu-1");

        var error = await Assert.ThrowsAsync<TargetException>(() => new TargetResolver(minions, new PoolState(), new FakeMinionTrust()).ResolveAsync("gpu-1", "glob", CancellationToken.None));

        Assert.Equal("target 'gpu-1' matches only minions whose keys are not accepted: gpu-1 (eventreactor keys list)", error.Message);
    }
}
