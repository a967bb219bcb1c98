using EventReactor.Contracts;
using EventReactor.Reactor.Leases;
using EventReactor.Reactor.Outbox;
using EventReactor.Reactor.Reactions;

namespace EventReactor.Reactor.Tests.State.Contract;

/// <summary>
/// What every <see cref="IReactionLedger"/> must do, with the leases and outbox of the same state; each implementation
/// runs it through a subclass. Two reactors, A and B, share the state, each with its own liveness lease.
/// </summary>
public abstract class ReactionLedgerContract : IAsyncDisposable
{
    private static readonly TimeSpan LeaseLength = TimeSpan.FromSeconds(15);

    private ReactorLiveness? _a;
    private ReactorLiveness? _b;
    private IReactionLedger? _ledger;
    private IReactionLedger? _other;
    private IReactorOutbox? _outbox;

    /// <summary>The time the ledger and the leases read; tests move it.</summary>
    private protected ManualTime Time { get; } = new(DateTimeOffset.FromUnixTimeMilliseconds(1_760_000_000_000));

    /// <summary>The leases of the state the ledgers share.</summary>
    private protected abstract ILeaseStore Leases { get; }

    /// <summary>Reactor A's outbox, over the state the ledgers share.</summary>
    private protected IReactorOutbox Outbox => _outbox ??= OutboxOf(A);

    /// <summary>Reactor A's ledger.</summary>
    private protected IReactionLedger Ledger => _ledger ??= LedgerOf(A);

    /// <summary>Reactor B's ledger, over the same state as A's.</summary>
    private protected IReactionLedger Other => _other ??= LedgerOf(B);

    private ReactorLiveness A => _a ??= new ReactorLiveness(Leases, "reactor-a", LeaseLength, Time);

    private ReactorLiveness B => _b ??= new ReactorLiveness(Leases, "reactor-b", LeaseLength, Time);

    public abstract ValueTask DisposeAsync();

    /// <summary>A ledger over the shared state, for the reactor holding <paramref name="liveness"/>, reading <see cref="Time"/>.</summary>
    private protected abstract IReactionLedger LedgerOf(ReactorLiveness liveness);

    /// <summary>The outbox of the reactor holding <paramref name="liveness"/>, over the shared state.</summary>
    private protected abstract IReactorOutbox OutboxOf(ReactorLiveness liveness);

    [Fact]
    public async Task TryClaimAsync_SameActionTwice_OnlyTheFirstWins()
    {
        Assert.NotNull(await Ledger.TryClaimAsync("e1", "rule", 0, CancellationToken.None));

        Assert.Null(await Ledger.TryClaimAsync("e1", "rule", 0, CancellationToken.None));
    }

    [Fact]
    public async Task TryClaimAsync_OtherActionRuleOrEvent_EachClaimedOnItsOwn()
    {
        Assert.NotNull(await Ledger.TryClaimAsync("e1", "rule", 0, CancellationToken.None));

        Assert.NotNull(await Ledger.TryClaimAsync("e1", "rule", 1, CancellationToken.None));
        Assert.NotNull(await Ledger.TryClaimAsync("e1", "other", 0, CancellationToken.None));
        Assert.NotNull(await Ledger.TryClaimAsync("e2", "rule", 0, CancellationToken.None));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CompleteAsync_ClaimedAction_NeverClaimedAgainEvenMuchLater(bool succeeded)
    {
        var claim = await ClaimAsync(Ledger);

        Assert.True(await Ledger.CompleteAsync(claim, succeeded, null, CancellationToken.None));
        Time.Advance(TimeSpan.FromHours(1));

        Assert.Null(await Ledger.TryClaimAsync("e1", "rule", 0, CancellationToken.None));
        Assert.Null(await Other.TryClaimAsync("e1", "rule", 0, CancellationToken.None));
    }

    [Fact]
    public async Task ReleaseAsync_ClaimedAction_ClaimedAgain()
    {
        var claim = await ClaimAsync(Ledger);

        await Ledger.ReleaseAsync(claim, CancellationToken.None);

        Assert.NotNull(await Ledger.TryClaimAsync("e1", "rule", 0, CancellationToken.None));
    }

    [Fact]
    public async Task ReleaseAsync_CompletedAction_StaysDone()
    {
        var claim = await ClaimAsync(Ledger);
        await Ledger.CompleteAsync(claim, succeeded: true, null, CancellationToken.None);

        await Ledger.ReleaseAsync(claim, CancellationToken.None);

        Assert.Null(await Ledger.TryClaimAsync("e1", "rule", 0, CancellationToken.None));
    }

    [Fact]
    public async Task TryClaimAsync_OwnerStillLiveMuchLater_NotTakenOverByAnother()
    {
        await ClaimAsync(Ledger);

        for (var i = 0; i < 100; i++)
        {
            Time.Advance(TimeSpan.FromSeconds(10));
            await A.RenewAsync(CancellationToken.None);
        }

        await Assert.ThrowsAsync<ClaimHeldException>(() => Other.TryClaimAsync("e1", "rule", 0, CancellationToken.None));
    }

    [Fact]
    public async Task TryClaimAsync_OwnerLeaseExpired_TakenOverOnceByAnother()
    {
        var first = await ClaimAsync(Ledger);
        Time.Advance(LeaseLength - TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<ClaimHeldException>(() => Other.TryClaimAsync("e1", "rule", 0, CancellationToken.None));

        Time.Advance(TimeSpan.FromSeconds(2));

        var taken = await Other.TryClaimAsync("e1", "rule", 0, CancellationToken.None);
        Assert.NotNull(taken);
        Assert.Equal("reactor-b", taken.Owner);
        Assert.NotEqual(first.Owner, taken.Owner);
        Assert.Null(await Other.TryClaimAsync("e1", "rule", 0, CancellationToken.None));
        await Assert.ThrowsAsync<ClaimHeldException>(() => Ledger.TryClaimAsync("e1", "rule", 0, CancellationToken.None));
    }

    [Fact]
    public async Task TryClaimAsync_OwnerTookItsLeaseAgainAtANewEpoch_TakenOver()
    {
        var first = await ClaimAsync(Ledger);
        Time.Advance(LeaseLength + TimeSpan.FromSeconds(1));

        var again = await A.RenewAsync(CancellationToken.None);

        Assert.True(again.Epoch > first.Epoch);
        Assert.NotNull(await Other.TryClaimAsync("e1", "rule", 0, CancellationToken.None));
    }

    [Fact]
    public async Task CompleteAsync_ClaimTakenOverWhileActing_RefusedAndNothingStored()
    {
        var lost = await ClaimAsync(Ledger);
        Time.Advance(LeaseLength + TimeSpan.FromSeconds(1));
        var taken = await ClaimAsync(Other);

        // Reactor A resumes after its pause and tries to finish what it started: neither its completion nor its event lands.
        Assert.False(await Ledger.CompleteAsync(lost, succeeded: true, Fired("chain/from-a"), CancellationToken.None));
        Assert.False(await Ledger.CompleteAsync(lost, succeeded: false, null, CancellationToken.None));
        Assert.Equal(0, await Outbox.CountAsync(CancellationToken.None));

        Assert.True(await Other.CompleteAsync(taken, succeeded: true, Fired("chain/from-b"), CancellationToken.None));
        Assert.Equal("chain/from-b", Assert.Single(await OutboxOf(B).ReadToEvaluateAsync(0, 10, CancellationToken.None)).Tag);
    }

    [Fact]
    public async Task ReleaseAsync_ClaimTakenOver_LeavesTheNewOwnersClaim()
    {
        var lost = await ClaimAsync(Ledger);
        Time.Advance(LeaseLength + TimeSpan.FromSeconds(1));
        var taken = await ClaimAsync(Other);

        await Ledger.ReleaseAsync(lost, CancellationToken.None);

        await Assert.ThrowsAsync<ClaimHeldException>(() => Ledger.TryClaimAsync("e1", "rule", 0, CancellationToken.None));
        Assert.True(await Other.CompleteAsync(taken, succeeded: true, null, CancellationToken.None));
    }

    [Fact]
    public async Task CompleteAsync_OwnerLeaseExpiredButNobodyTookOver_Completes()
    {
        var claim = await ClaimAsync(Ledger);
        Time.Advance(LeaseLength + TimeSpan.FromSeconds(1));

        Assert.True(await Ledger.CompleteAsync(claim, succeeded: true, Fired("chain/late"), CancellationToken.None));

        Assert.Equal(1, await Outbox.CountAsync(CancellationToken.None));
        Assert.Null(await Other.TryClaimAsync("e1", "rule", 0, CancellationToken.None));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RecordOnceAsync_SameActionTwice_OnlyTheFirstRecordsAndStores(bool succeeded)
    {
        Assert.True(await Ledger.RecordOnceAsync("e1", "rule", 0, succeeded, Fired("chain/first"), CancellationToken.None));

        Assert.False(await Ledger.RecordOnceAsync("e1", "rule", 0, succeeded, Fired("chain/second"), CancellationToken.None));
        Assert.False(await Other.RecordOnceAsync("e1", "rule", 0, succeeded, null, CancellationToken.None));
        Assert.Null(await Other.TryClaimAsync("e1", "rule", 0, CancellationToken.None));
        Assert.Equal("chain/first", Assert.Single(await Outbox.ReadToEvaluateAsync(0, 10, CancellationToken.None)).Tag);
    }

    [Fact]
    public async Task RecordOnceAsync_CompletedByClaim_RefusedAndNothingStored()
    {
        var claim = await ClaimAsync(Ledger);
        Assert.True(await Ledger.CompleteAsync(claim, succeeded: true, null, CancellationToken.None));

        Assert.False(await Other.RecordOnceAsync("e1", "rule", 0, true, Fired("chain/again"), CancellationToken.None));
        Assert.Equal(0, await Outbox.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task RecordOnceAsync_ClaimedByALiveReactor_ThrowsHeldUntilItsLeaseExpires()
    {
        await ClaimAsync(Ledger);

        await Assert.ThrowsAsync<ClaimHeldException>(() => Other.RecordOnceAsync("e1", "rule", 0, true, Fired("chain/from-b"), CancellationToken.None));
        Assert.Equal(0, await Outbox.CountAsync(CancellationToken.None));

        Time.Advance(LeaseLength + TimeSpan.FromSeconds(1));
        Assert.True(await Other.RecordOnceAsync("e1", "rule", 0, true, Fired("chain/from-b"), CancellationToken.None));
        Assert.Equal("chain/from-b", Assert.Single(await OutboxOf(B).ReadToEvaluateAsync(0, 10, CancellationToken.None)).Tag);
    }

    [Fact]
    public async Task RecordOnceAsync_RunningOnThisReactor_Duplicate()
    {
        await ClaimAsync(Ledger);

        Assert.False(await Ledger.RecordOnceAsync("e1", "rule", 0, true, Fired("chain/again"), CancellationToken.None));
        Assert.Equal(0, await Outbox.CountAsync(CancellationToken.None));
    }

    private static async Task<ReactionClaim> ClaimAsync(IReactionLedger ledger) =>
        await ledger.TryClaimAsync("e1", "rule", 0, CancellationToken.None) ?? throw new InvalidOperationException("the claim of e1 was refused");

    private static EventEnvelope Fired(string tag) => EventEnvelope.Create(tag, "/reactor") with { Depth = 1, CausedBy = "e1" };
}
