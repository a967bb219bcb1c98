using EventReactor.Contracts;
using EventReactor.Reactor.Leases;
using EventReactor.Reactor.Outbox;

namespace EventReactor.Reactor.Tests.State.Contract;

/// <summary>What every <see cref="ILeaseStore"/> must do, with the fenced outbox of the same state; each implementation runs it through a subclass.</summary>
public abstract class LeaseStoreContract : IAsyncDisposable
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(15);

    private protected ManualTime Time { get; } = new(DateTimeOffset.FromUnixTimeMilliseconds(1_760_000_000_000));

    /// <summary>A lease store over empty state, reading <see cref="Time"/>.</summary>
    private protected abstract ILeaseStore Leases { get; }

    /// <summary>The outbox over the same state as <see cref="Leases"/>.</summary>
    private protected abstract IReactorOutbox Outbox { get; }

    public abstract ValueTask DisposeAsync();

    [Fact]
    public async Task TryAcquireAsync_NeverTaken_GivesEpochOneUntilNowPlusDuration()
    {
        var token = await Leases.TryAcquireAsync(LeaseName.PresenceMonitor, "a", Duration, CancellationToken.None);

        Assert.Equal(new LeaseToken(LeaseName.PresenceMonitor, "a", 1, Time.GetUtcNow() + Duration), token);
        Assert.Equal(token, await Leases.ReadAsync(LeaseName.PresenceMonitor, CancellationToken.None));
    }

    [Fact]
    public async Task TryAcquireAsync_HeldByAnother_ReturnsNullAndLeavesIt()
    {
        var held = await Leases.TryAcquireAsync(LeaseName.PoolReconciler, "a", Duration, CancellationToken.None);
        Time.Advance(Duration - TimeSpan.FromMilliseconds(1));

        Assert.Null(await Leases.TryAcquireAsync(LeaseName.PoolReconciler, "b", Duration, CancellationToken.None));
        Assert.Equal(held, await Leases.ReadAsync(LeaseName.PoolReconciler, CancellationToken.None));
    }

    [Fact]
    public async Task TryAcquireAsync_HolderRenewsBeforeExpiry_KeepsEpochAndMovesExpiry()
    {
        await Leases.TryAcquireAsync(LeaseName.PoolReconciler, "a", Duration, CancellationToken.None);
        Time.Advance(TimeSpan.FromSeconds(5));

        var renewed = await Leases.TryAcquireAsync(LeaseName.PoolReconciler, "a", Duration, CancellationToken.None);

        Assert.Equal(new LeaseToken(LeaseName.PoolReconciler, "a", 1, Time.GetUtcNow() + Duration), renewed);
    }

    [Fact]
    public async Task TryAcquireAsync_ExpiredHeldByAnother_TakenWithTheNextEpoch()
    {
        await Leases.TryAcquireAsync(LeaseName.PresenceMonitor, "a", Duration, CancellationToken.None);
        Time.Advance(Duration);

        var taken = await Leases.TryAcquireAsync(LeaseName.PresenceMonitor, "b", Duration, CancellationToken.None);

        Assert.Equal(new LeaseToken(LeaseName.PresenceMonitor, "b", 2, Time.GetUtcNow() + Duration), taken);
        Assert.Null(await Leases.TryAcquireAsync(LeaseName.PresenceMonitor, "a", Duration, CancellationToken.None));
    }

    [Fact]
    public async Task TryAcquireAsync_OwnLeaseExpired_TakenAgainWithTheNextEpoch()
    {
        await Leases.TryAcquireAsync(LeaseName.PresenceMonitor, "a", Duration, CancellationToken.None);
        Time.Advance(Duration + TimeSpan.FromSeconds(1));

        var again = await Leases.TryAcquireAsync(LeaseName.PresenceMonitor, "a", Duration, CancellationToken.None);

        Assert.Equal(2, again!.Epoch);
    }

    [Fact]
    public async Task TryAcquireAsync_OtherName_IsALeaseOfItsOwn()
    {
        await Leases.TryAcquireAsync(LeaseName.PresenceMonitor, "a", Duration, CancellationToken.None);

        var other = await Leases.TryAcquireAsync(LeaseName.RuleAnnouncements, "b", Duration, CancellationToken.None);

        Assert.Equal(("b", 1L), (other!.Holder, other.Epoch));
    }

    [Fact]
    public async Task TryAcquireAsync_ManyHoldersAtOnce_ExactlyOneGetsIt()
    {
        var attempts = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Task.Run(() => Leases.TryAcquireAsync(LeaseName.BenchmarkRunner, $"holder-{i}", Duration, CancellationToken.None))));

        var winner = Assert.Single(attempts, a => a is not null);
        Assert.Equal(winner, await Leases.ReadAsync(LeaseName.BenchmarkRunner, CancellationToken.None));
    }

    [Fact]
    public async Task ReleaseAsync_CurrentToken_AnotherTakesItAtOnce()
    {
        var held = await Leases.TryAcquireAsync(LeaseName.PoolReconciler, "a", Duration, CancellationToken.None);

        await Leases.ReleaseAsync(held!, CancellationToken.None);
        var taken = await Leases.TryAcquireAsync(LeaseName.PoolReconciler, "b", Duration, CancellationToken.None);

        Assert.Equal(("b", 2L), (taken!.Holder, taken.Epoch));
    }

    [Fact]
    public async Task ReleaseAsync_StaleToken_LeavesTheNewHolder()
    {
        var old = await Leases.TryAcquireAsync(LeaseName.PoolReconciler, "a", Duration, CancellationToken.None);
        Time.Advance(Duration);
        var current = await Leases.TryAcquireAsync(LeaseName.PoolReconciler, "b", Duration, CancellationToken.None);

        await Leases.ReleaseAsync(old!, CancellationToken.None);

        Assert.Equal(current, await Leases.ReadAsync(LeaseName.PoolReconciler, CancellationToken.None));
        Assert.Null(await Leases.TryAcquireAsync(LeaseName.PoolReconciler, "c", Duration, CancellationToken.None));
    }

    [Fact]
    public async Task AddFencedAsync_CurrentEpoch_Stored()
    {
        var held = await Leases.TryAcquireAsync(LeaseName.PresenceMonitor, "a", Duration, CancellationToken.None);

        Assert.True(await Outbox.AddFencedAsync(Event("presence/change"), held!, CancellationToken.None));

        Assert.Equal(["presence/change"], (await Outbox.ReadToEvaluateAsync(0, 10, CancellationToken.None)).Select(e => e.Tag));
    }

    [Fact]
    public async Task AddFencedAsync_HolderPausedPastItsLeaseWhileAnotherTookIt_RefusedAndNothingStored()
    {
        var paused = await Leases.TryAcquireAsync(LeaseName.PresenceMonitor, "a", Duration, CancellationToken.None);
        Time.Advance(Duration + TimeSpan.FromSeconds(1));
        var successor = await Leases.TryAcquireAsync(LeaseName.PresenceMonitor, "b", Duration, CancellationToken.None);
        Assert.True(await Outbox.AddFencedAsync(Event("presence/by-b"), successor!, CancellationToken.None));

        // "a" resumes and writes what it decided before the pause, with the epoch it had.
        var written = await Outbox.AddFencedAsync(Event("presence/by-a"), paused!, CancellationToken.None);

        Assert.False(written);
        Assert.Equal(["presence/by-b"], (await Outbox.ReadToEvaluateAsync(0, 10, CancellationToken.None)).Select(e => e.Tag));
    }

    [Fact]
    public async Task AddFencedAsync_HolderTookItsOwnExpiredLeaseAgain_OldEpochRefused()
    {
        var before = await Leases.TryAcquireAsync(LeaseName.PoolReconciler, "a", Duration, CancellationToken.None);
        Time.Advance(Duration);
        await Leases.TryAcquireAsync(LeaseName.PoolReconciler, "a", Duration, CancellationToken.None);

        Assert.False(await Outbox.AddFencedAsync(Event("pool/sim/join"), before!, CancellationToken.None));
    }

    [Fact]
    public async Task AddFencedAsync_LeaseNeverTaken_Refused()
    {
        var invented = new LeaseToken(LeaseName.RuleAnnouncements, "a", 1, Time.GetUtcNow() + Duration);

        Assert.False(await Outbox.AddFencedAsync(Event("reactor/rules/loaded"), invented, CancellationToken.None));
        Assert.Equal(0, await Outbox.CountAsync(CancellationToken.None));
    }

    private static EventEnvelope Event(string tag) => EventEnvelope.Create(tag, "/reactor");
}
