using EventReactor.Reactor.Pools;

namespace EventReactor.Reactor.Tests.State.Contract;

/// <summary>What every <see cref="IPoolStore"/> must do; each implementation runs it through a subclass.</summary>
public abstract class PoolStoreContract : IAsyncDisposable
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeMilliseconds(1_760_000_000_000);

    /// <summary>A store over empty state.</summary>
    private protected abstract IPoolStore Store { get; }

    public abstract ValueTask DisposeAsync();

    [Fact]
    public async Task SaveMembershipChangesAsync_JoinedThenLeft_OnlyTheRemainingMembersByPoolAndMinion()
    {
        await Store.SaveMembershipChangesAsync([new("web", "m2", "selector", T0), new("web", "m1", "added", T0), new("db", "m3", "provisioned", T0)], [], CancellationToken.None);

        await Store.SaveMembershipChangesAsync([], [new("web", "m2", "selector", T0)], CancellationToken.None);

        Assert.Equal([new PoolMember("db", "m3", "provisioned", T0), new PoolMember("web", "m1", "added", T0)], await Store.MembersAsync(CancellationToken.None));
    }

    [Fact]
    public async Task SaveMembershipChangesAsync_MemberJoinsAgain_ReasonReplaced()
    {
        await Store.SaveMembershipChangesAsync([new("web", "m1", "selector", T0)], [], CancellationToken.None);

        await Store.SaveMembershipChangesAsync([new("web", "m1", "added", T0.AddSeconds(1))], [], CancellationToken.None);

        Assert.Equal([new PoolMember("web", "m1", "added", T0.AddSeconds(1))], await Store.MembersAsync(CancellationToken.None));
    }

    [Fact]
    public async Task SetAddedAsync_AddedTwiceThenRemovedOnce_GoneAndOthersKept()
    {
        await Store.SetAddedAsync("web", "m1", added: true, CancellationToken.None);
        await Store.SetAddedAsync("web", "m1", added: true, CancellationToken.None);
        await Store.SetAddedAsync("web", "m2", added: true, CancellationToken.None);

        await Store.SetAddedAsync("web", "m1", added: false, CancellationToken.None);

        Assert.Equal([("web", "m2")], await Store.AdditionsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task SetDesiredSizeAsync_SetTwice_LatestPerPool()
    {
        await Store.SetDesiredSizeAsync("web", 3, CancellationToken.None);
        await Store.SetDesiredSizeAsync("db", 1, CancellationToken.None);
        await Store.SetDesiredSizeAsync("web", 5, CancellationToken.None);

        var sizes = await Store.DesiredSizesAsync(CancellationToken.None);

        Assert.Equal(new Dictionary<string, int> { ["db"] = 1, ["web"] = 5 }, sizes);
    }

    [Fact]
    public async Task SaveProvisionedAsync_TwoThenOneDeleted_TheOtherKeptWithEveryField()
    {
        var kept = new ProvisionedMinion("web-2", "web", "process", "4242", T0);
        await Store.SaveProvisionedAsync(new ProvisionedMinion("web-1", "web", "process", "4241", T0), CancellationToken.None);
        await Store.SaveProvisionedAsync(kept, CancellationToken.None);

        await Store.DeleteProvisionedAsync("web-1", CancellationToken.None);

        Assert.Equal([kept], await Store.ProvisionedAsync(CancellationToken.None));
    }
}
