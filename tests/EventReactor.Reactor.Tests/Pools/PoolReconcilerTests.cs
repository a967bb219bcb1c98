using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Contracts.Pools;
using EventReactor.Messaging;
using EventReactor.Reactor.Outbox;
using EventReactor.Reactor.Jobs;
using EventReactor.Reactor.Leases;
using EventReactor.Reactor.Minions;
using EventReactor.Reactor.Pools;
using EventReactor.Reactor.State;
using EventReactor.Reactor.Tests.Minions;
using EventReactor.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace EventReactor.Reactor.Tests.Pools;

public sealed class PoolReconcilerTests : IAsyncLifetime
{
    private const string PoolsYaml = """
        pools:
          - name: sim
            provider: fake
            min: 0
            max: 2
            idle_shutdown: 4s
        """;

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("pool-reconciler-");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly FakeMinionStore _minions = new();
    private ReactorDatabase? _database;

    // One pass at a time is run directly, as the lease's holder would.
    private static readonly LeaseToken Lease = new(LeaseName.PoolReconciler, "test", 1, DateTimeOffset.MaxValue);

    private ReactorOptions Settings => new() { DataPath = Path.Combine(_root.FullName, "data"), PoolsFile = Path.Combine(_root.FullName, "pools.yaml") };

    public Task InitializeAsync()
    {
        File.WriteAllText(Settings.PoolsFile, PoolsYaml);
        _database = new ReactorDatabase(Options.Create(Settings));
        _database.Migrate(_time);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _database!.DisposeAsync();
        _root.Delete(recursive: true);
    }

    [Fact]
    public async Task ReconcileAsync_ProvisionedMemberPresentLate_StoppedOnlyIdleShutdownAfterJoining()
    {
        var provider = new FakeMinionProvider(_time);
        var store = new SqlitePoolStore(_database!, _time);
        await store.SaveProvisionedAsync(new ProvisionedMinion("sim-1", "sim", provider.Name, "sim-1", _time.GetUtcNow()), CancellationToken.None);
        await store.SetDesiredSizeAsync("sim", 1, CancellationToken.None);
        var reconciler = Reconciler(store, provider);

        // Slow to start: absent for longer than idle_shutdown, so not a member and not idle.
        _time.Advance(TimeSpan.FromSeconds(10));
        await reconciler.ReconcileAsync(Lease, CancellationToken.None);
        Assert.Empty(provider.Destroyed);

        await _minions.SaveAsync(new MinionRecord("sim-1", _time.GetUtcNow(), _time.GetUtcNow(), Present: true, 10, null), CancellationToken.None);
        await reconciler.ReconcileAsync(Lease, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(3));
        await reconciler.ReconcileAsync(Lease, CancellationToken.None);
        Assert.Empty(provider.Destroyed);

        _time.Advance(TimeSpan.FromSeconds(2));
        await reconciler.ReconcileAsync(Lease, CancellationToken.None);
        Assert.Equal(["sim-1"], provider.Destroyed);
    }

    [Fact]
    public async Task ReconcileAsync_OneMinionFails_ReportedWithHostAndStepOthersMadeAndRetriedNextPass()
    {
        var provider = new FakeMinionProvider(_time);
        provider.Failing.Add("sim-1");
        var store = new SqlitePoolStore(_database!, _time);
        await store.SetDesiredSizeAsync("sim", 2, CancellationToken.None);
        var emitter = Substitute.For<IEventEmitter>();
        var reconciler = Reconciler(store, provider, emitter);

        await reconciler.ReconcileAsync(Lease, CancellationToken.None);

        Assert.Equal(["sim-2"], (await store.ProvisionedAsync(CancellationToken.None)).Select(p => p.Minion));
        var failed = Assert.Single(emitter.ReceivedCalls().Select(c => (EventEnvelope)c.GetArguments()[0]!), e => e.Tag == "pool/sim/provisioning/failed");
        var data = failed.Data.Deserialize<PoolProvisioningFailed>();
        Assert.Equal(new PoolProvisioningFailed("sim", "fake", "sim-1", "bad-host", ProvisioningStep.Upload, "bad-host: upload: disk full"), data);

        provider.Failing.Clear();
        await reconciler.ReconcileAsync(Lease, CancellationToken.None);
        Assert.Equal(["sim-1", "sim-2"], (await store.ProvisionedAsync(CancellationToken.None)).Select(p => p.Minion).Order());
    }

    [Fact]
    public async Task ExecuteAsync_AnotherReactorHoldsTheLease_ProvisionsNothingUntilItExpiresThenTakesOver()
    {
        var provider = new FakeMinionProvider(_time);
        var store = new SqlitePoolStore(_database!, _time);
        await store.SetDesiredSizeAsync("sim", 1, CancellationToken.None);
        var leases = new SqliteLeaseStore(_database!, _time);
        var other = await leases.TryAcquireAsync(LeaseName.PoolReconciler, "another-reactor", TimeSpan.FromSeconds(15), CancellationToken.None);
        var reconciler = Reconciler(store, provider, leases: leases);
        using var stop = new CancellationTokenSource();

        await reconciler.StartAsync(stop.Token);
        await _time.AdvanceUntilAsync(() => _time.GetUtcNow() >= other!.ExpiresAt - TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(250));
        Assert.Empty(await store.ProvisionedAsync(CancellationToken.None));
        await _time.AdvanceUntilAsync(() => store.ProvisionedAsync(CancellationToken.None).Result.Count == 1, TimeSpan.FromMilliseconds(250));
        await reconciler.StopAsync(CancellationToken.None);

        Assert.Equal(2, (await leases.ReadAsync(LeaseName.PoolReconciler, CancellationToken.None))!.Epoch);
        Assert.NotEqual("another-reactor", (await leases.ReadAsync(LeaseName.PoolReconciler, CancellationToken.None))!.Holder);
    }

    private PoolReconciler Reconciler(SqlitePoolStore store, FakeMinionProvider provider, IEventEmitter? emitter = null, ILeaseStore? leases = null)
    {
        var catalog = new PoolCatalog(Options.Create(Settings), NullLogger<PoolCatalog>.Instance);
        Assert.Empty(catalog.Refresh());
        return new PoolReconciler(
            catalog, store, new PoolState(), new PoolSignal(), _minions, new SqliteJobStore(_database!), [provider],
            emitter ?? Substitute.For<IEventEmitter>(), new LeaseKeeper(leases ?? Substitute.For<ILeaseStore>(), Options.Create(new LeaseOptions()), _time, NullLogger<LeaseKeeper>.Instance),
            _time, NullLogger<PoolReconciler>.Instance);
    }
}
