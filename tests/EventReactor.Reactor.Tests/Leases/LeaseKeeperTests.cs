using EventReactor.Reactor.Leases;
using EventReactor.Reactor.Tests.State;
using EventReactor.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace EventReactor.Reactor.Tests.Leases;

public sealed class LeaseKeeperTests : IAsyncDisposable
{
    private static readonly LeaseOptions Timing = new() { Duration = TimeSpan.FromSeconds(15), RenewEvery = TimeSpan.FromSeconds(5) };
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(250);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly TempReactorDatabase _state = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly SqliteLeaseStore _store;

    public LeaseKeeperTests()
    {
        _store = new SqliteLeaseStore(_state.Database, _time);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _stop.Dispose();
        await _state.DisposeAsync();
    }

    [Fact]
    public async Task RunWhileHeldAsync_LeaseFree_RunsTheWorkWithTheLeasesToken()
    {
        var probe = new LeasedWorkProbe();
        var keeper = Keeper(_store);

        _ = keeper.RunWhileHeldAsync(LeaseName.PresenceMonitor, probe.RunAsync, _stop.Token);
        await _time.AdvanceUntilAsync(() => probe.Running, Step);

        var started = Assert.Single(probe.Starts);
        Assert.Equal((keeper.Holder, 1L), (started.Holder, started.Epoch));
    }

    [Fact]
    public async Task RunWhileHeldAsync_AnotherReactorHoldsIt_WorkStartsOnlyOnceItsLeaseExpired()
    {
        var other = await _store.TryAcquireAsync(LeaseName.PoolReconciler, "other", Timing.Duration, CancellationToken.None);
        var probe = new LeasedWorkProbe();

        _ = Keeper(_store).RunWhileHeldAsync(LeaseName.PoolReconciler, probe.RunAsync, _stop.Token);
        await _time.AdvanceUntilAsync(() => _time.GetUtcNow() >= other!.ExpiresAt - Step, Step);
        Assert.Empty(probe.Starts);
        await _time.AdvanceUntilAsync(() => probe.Running, Step);

        Assert.True(_time.GetUtcNow() <= other!.ExpiresAt + (2 * Timing.RenewEvery), "taken at a retry soon after the expiry");
        Assert.Equal(2, Assert.Single(probe.Starts).Epoch);
    }

    [Fact]
    public async Task RunWhileHeldAsync_HolderStops_TheOtherReactorTakesOverWithinOneRetry()
    {
        using var firstStop = new CancellationTokenSource();
        var first = new LeasedWorkProbe();
        var second = new LeasedWorkProbe();
        var firstRun = Keeper(_store).RunWhileHeldAsync(LeaseName.PresenceMonitor, first.RunAsync, firstStop.Token);
        await _time.AdvanceUntilAsync(() => first.Running, Step);
        _ = Keeper(_store).RunWhileHeldAsync(LeaseName.PresenceMonitor, second.RunAsync, _stop.Token);
        await _time.AdvanceUntilAsync(() => _time.GetUtcNow() > first.Starts[0].ExpiresAt + Timing.Duration, Step);
        Assert.Empty(second.Starts);

        await firstStop.CancelAsync();
        await firstRun;
        var stoppedAt = _time.GetUtcNow();
        await _time.AdvanceUntilAsync(() => second.Running, Step);

        Assert.Equal(1, first.Stops);
        // Without the release it would wait for the expiry, at least Duration - RenewEvery after the last renewal.
        Assert.True(_time.GetUtcNow() - stoppedAt < Timing.Duration - Timing.RenewEvery, "released on stop, so taken at a retry before the expiry");
        Assert.Equal(2, Assert.Single(second.Starts).Epoch);
    }

    [Fact]
    public async Task RunWhileHeldAsync_RenewalFindsAnotherHolder_WorkStops()
    {
        var store = Substitute.For<ILeaseStore>();
        store.TryAcquireAsync(LeaseName.PresenceMonitor, Arg.Any<string>(), Timing.Duration, Arg.Any<CancellationToken>())
            .Returns(call => Token(LeaseName.PresenceMonitor, call.ArgAt<string>(1), 1), _ => (LeaseToken?)null);
        var probe = new LeasedWorkProbe();

        _ = Keeper(store).RunWhileHeldAsync(LeaseName.PresenceMonitor, probe.RunAsync, _stop.Token);
        await _time.AdvanceUntilAsync(() => probe.Stops == 1, Step);

        Assert.Single(probe.Starts);
        Assert.True(_time.GetUtcNow() < probe.Starts[0].ExpiresAt, "stopped by the renewal, before the lease would have expired");
    }

    [Fact]
    public async Task RunWhileHeldAsync_DatabaseUnreachable_WorkStopsWhenTheLeaseExpiresNotBefore()
    {
        var store = Substitute.For<ILeaseStore>();
        store.TryAcquireAsync(LeaseName.PoolReconciler, Arg.Any<string>(), Timing.Duration, Arg.Any<CancellationToken>())
            .Returns(call => Token(LeaseName.PoolReconciler, call.ArgAt<string>(1), 1), _ => throw new TimeoutException("database unreachable"));
        var probe = new LeasedWorkProbe();

        _ = Keeper(store).RunWhileHeldAsync(LeaseName.PoolReconciler, probe.RunAsync, _stop.Token);
        await _time.AdvanceUntilAsync(() => probe.Running, Step);
        var expiry = probe.Starts[0].ExpiresAt;
        await _time.AdvanceUntilAsync(() => _time.GetUtcNow() >= expiry - Timing.RenewEvery, Step);
        Assert.Equal(0, probe.Stops);
        await _time.AdvanceUntilAsync(() => probe.Stops == 1, Step);

        Assert.True(_time.GetUtcNow() <= expiry + (2 * Timing.RenewEvery), "stopped at a check soon after the expiry");
    }

    [Fact]
    public async Task RunWhileHeldAsync_PausedPastItsLease_StopsOnResumeEvenWithNoOtherHolder()
    {
        var probe = new LeasedWorkProbe();
        _ = Keeper(_store).RunWhileHeldAsync(LeaseName.PresenceMonitor, probe.RunAsync, _stop.Token);
        await _time.AdvanceUntilAsync(() => probe.Running, Step);

        // One jump: the process saw no time pass, as under SIGSTOP; its renewal timer fires only after the expiry.
        _time.Advance(Timing.Duration + TimeSpan.FromSeconds(1));
        await _time.AdvanceUntilAsync(() => probe.Stops == 1, TimeSpan.FromMilliseconds(1));

        Assert.Equal(1, Assert.Single(probe.Starts).Epoch);
    }

    [Fact]
    public async Task RunWhileHeldAsync_Stopping_LetsTheLeaseGoAtOnce()
    {
        using var stop = new CancellationTokenSource();
        var probe = new LeasedWorkProbe();
        var run = Keeper(_store).RunWhileHeldAsync(LeaseName.RuleAnnouncements, probe.RunAsync, stop.Token);
        await _time.AdvanceUntilAsync(() => probe.Running, Step);

        await stop.CancelAsync();
        await run;

        Assert.Equal(1, probe.Stops);
        Assert.NotNull(await _store.TryAcquireAsync(LeaseName.RuleAnnouncements, "next", Timing.Duration, CancellationToken.None));
    }

    private LeaseToken Token(LeaseName name, string holder, long epoch) => new(name, holder, epoch, _time.GetUtcNow() + Timing.Duration);

    private LeaseKeeper Keeper(ILeaseStore store) => new(store, Options.Create(Timing), _time, NullLogger<LeaseKeeper>.Instance);
}
