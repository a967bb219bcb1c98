using EventReactor.Reactor.Reactions;

namespace EventReactor.Reactor.Tests.State.Contract;

/// <summary>What every <see cref="IReactionLedger"/> must do; each implementation runs it through a subclass.</summary>
public abstract class ReactionLedgerContract : IAsyncDisposable
{
    /// <summary>The time the ledger reads; tests move it.</summary>
    private protected ManualTime Time { get; } = new(DateTimeOffset.FromUnixTimeMilliseconds(1_760_000_000_000));

    /// <summary>A ledger over empty state, reading <see cref="Time"/>.</summary>
    private protected abstract IReactionLedger Ledger { get; }

    public abstract ValueTask DisposeAsync();

    [Fact]
    public async Task TryClaimAsync_SameActionTwice_OnlyTheFirstWins()
    {
        Assert.True(await Ledger.TryClaimAsync("e1", "rule", 0, CancellationToken.None));

        Assert.False(await Ledger.TryClaimAsync("e1", "rule", 0, CancellationToken.None));
    }

    [Fact]
    public async Task TryClaimAsync_OtherActionRuleOrEvent_EachClaimedOnItsOwn()
    {
        Assert.True(await Ledger.TryClaimAsync("e1", "rule", 0, CancellationToken.None));

        Assert.True(await Ledger.TryClaimAsync("e1", "rule", 1, CancellationToken.None));
        Assert.True(await Ledger.TryClaimAsync("e1", "other", 0, CancellationToken.None));
        Assert.True(await Ledger.TryClaimAsync("e2", "rule", 0, CancellationToken.None));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CompleteAsync_ClaimedAction_NeverClaimedAgainEvenMuchLater(bool succeeded)
    {
        await Ledger.TryClaimAsync("e1", "rule", 0, CancellationToken.None);

        await Ledger.CompleteAsync("e1", "rule", 0, succeeded, null, CancellationToken.None);
        Time.Advance(TimeSpan.FromHours(1));

        Assert.False(await Ledger.TryClaimAsync("e1", "rule", 0, CancellationToken.None));
    }

    [Fact]
    public async Task ReleaseAsync_ClaimedAction_ClaimedAgain()
    {
        await Ledger.TryClaimAsync("e1", "rule", 0, CancellationToken.None);

        await Ledger.ReleaseAsync("e1", "rule", 0, CancellationToken.None);

        Assert.True(await Ledger.TryClaimAsync("e1", "rule", 0, CancellationToken.None));
    }

    [Fact]
    public async Task ReleaseAsync_CompletedAction_StaysDone()
    {
        await Ledger.TryClaimAsync("e1", "rule", 0, CancellationToken.None);
        await Ledger.CompleteAsync("e1", "rule", 0, succeeded: true, null, CancellationToken.None);

        await Ledger.ReleaseAsync("e1", "rule", 0, CancellationToken.None);

        Assert.False(await Ledger.TryClaimAsync("e1", "rule", 0, CancellationToken.None));
    }

    [Fact]
    public async Task TryClaimAsync_ClaimLeftRunningPastTenMinutes_TakenOverOnce()
    {
        await Ledger.TryClaimAsync("e1", "rule", 0, CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(9));
        Assert.False(await Ledger.TryClaimAsync("e1", "rule", 0, CancellationToken.None));

        Time.Advance(TimeSpan.FromMinutes(2));

        Assert.True(await Ledger.TryClaimAsync("e1", "rule", 0, CancellationToken.None));
        Assert.False(await Ledger.TryClaimAsync("e1", "rule", 0, CancellationToken.None));
    }
}
